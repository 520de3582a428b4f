using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Forms.Submissions;

/// <summary>What to submit: answers to a published form version, from the web journey (a draft) or the API (an Idempotency-Key).</summary>
public sealed record SubmitCommand(ProcedureInfo Procedure, PublishedForm Form, JsonObject Answers, SubmissionChannel Channel)
{
    /// <summary>The draft being submitted (web), tracked by the caller's context.</summary>
    public Draft? Draft { get; init; }

    /// <summary>The client's Idempotency-Key (API).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Hex SHA-256 of the request body (API), to refuse a reused key with another body.</summary>
    public string? RequestHash { get; init; }

    public string? Email { get; init; }

    public FormContext? Context { get; init; }

    /// <summary>書かない窓口: the staff member entering it at the counter (channel <see cref="SubmissionChannel.Counter"/>).</summary>
    public (Guid Id, string Name)? EnteredBy { get; init; }
}

public abstract record SubmitResult
{
    /// <summary>Submitted now, or the earlier submission of the same request (<paramref name="Replayed"/>).</summary>
    public sealed record Accepted(Submission Submission, string StatusToken, bool Replayed) : SubmitResult;

    public sealed record Invalid(FormValidationResult Validation) : SubmitResult;

    /// <summary>The Idempotency-Key was used before with a different body.</summary>
    public sealed record KeyReused : SubmitResult;
}

/// <summary>
/// Submits an application: validates the whole answer set against the version it was made with,
/// keeps only what the citizen saw (hidden and empty fields dropped), computes the fee, gives it a
/// receipt number, and in ONE transaction saves it, marks the draft submitted, and queues the
/// case-processing event and the receipt email in the outbox. A double click, a back-button resubmit
/// or a network retry finds the first submission (draft id or Idempotency-Key, both unique in the
/// database) and answers with it: exactly one submission.
/// </summary>
public sealed partial class SubmissionService(
    MadoguchiDb db, Outbox outbox, ReceiptNumbers receiptNumbers, TenantContext tenant, FunnelRecorder funnel,
    IDataProtectionProvider protection, TimeProvider clock, ILogger<SubmissionService> logger)
{
    private const string ProtectionPurpose = "Madoguchi.Forms.StatusToken";

    public static string HashKey(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public async Task<SubmitResult> SubmitAsync(SubmitCommand command, Func<string, string> statusUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(statusUrl);
        var keyHash = command.Draft is { } d ? HashKey("draft:" + d.Id.ToString("N")) : command.IdempotencyKey is { } k ? HashKey("key:" + k) : null;
        // A draft sent twice (double click, back button) is common: look for the first submission before doing the work.
        // An API retry is rare, so the API path does not pay a query on every request for it: the unique index on the
        // key refuses the second insert below, and the catch answers with the first submission (or KeyReused).
        if (command.Draft is not null && keyHash is not null && await ReplayAsync(keyHash, command.RequestHash, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var context = command.Context ?? new FormContext(Today(now));
        var definition = command.Form.Definition;
        var validation = FormEngine.Validate(definition, command.Answers, context);
        if (!validation.IsValid)
        {
            if (command.Draft is { } invalidDraft)
            {
                foreach (var error in validation.Errors.Take(20))
                {
                    funnel.Record(command.Procedure.Slug, command.Form.Number, FunnelEventKind.ValidationFailed, invalidDraft.Attempt, field: error.Path);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return new SubmitResult.Invalid(validation);
        }

        var answers = FormEngine.Clean(definition, command.Answers);
        var computed = new JsonObject();
        foreach (var value in FormEngine.Compute(definition, answers))
        {
            computed[value.Definition.Id] = value.Value;
        }

        var organization = tenant.Organization ?? throw new InvalidOperationException("No organisation for this submission.");
        var year = JapanYear(now);
        var number = await receiptNumbers.NextAsync(organization.Id, year, cancellationToken);
        var token = DraftStore.NewToken();
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            ProcedureId = command.Procedure.Id,
            ProcedureSlug = command.Procedure.Slug,
            FormVersionId = command.Form.Id,
            ReceiptNumber = ReceiptNumbers.Format(organization.Code, year, number),
            AnswersJson = answers.ToJsonString(),
            ComputedJson = computed.ToJsonString(),
            Status = SubmissionStatus.Received,
            Channel = command.Channel,
            EnteredById = command.EnteredBy?.Id,
            EnteredByName = command.EnteredBy?.Name,
            SubmittedAt = now,
            StatusTokenHash = DraftStore.Hash(token),
            StatusTokenProtected = protection.CreateProtector(ProtectionPurpose).Protect(token),
            IdempotencyKeyHash = keyHash,
            RequestHash = command.RequestHash,
            DraftId = command.Draft?.Id,
            CitizenAccountId = command.Draft?.CitizenAccountId,
            Email = command.Email ?? FirstEmail(definition, answers) ?? command.Draft?.Email,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja",
        };
        db.Add(submission);
        if (command.Draft is { } draft)
        {
            draft.SubmittedAt = now;
            draft.SubmissionId = submission.Id;
            draft.Touch(now);
            // Counter submissions are counted apart, so the funnel's "submitted" stays the online figure.
            funnel.Record(command.Procedure.Slug, command.Form.Number, command.Channel == SubmissionChannel.Counter ? FunnelEventKind.CounterSubmitted : FunnelEventKind.Submitted, draft.Attempt);
        }
        else
        {
            funnel.Record(command.Procedure.Slug, command.Form.Number, FunnelEventKind.Submitted, null);
        }

        outbox.Enqueue(SubmissionReceived.Type, new SubmissionReceived(submission.Id, organization.Id, submission.ProcedureId, submission.ProcedureSlug, submission.ReceiptNumber, now));
        if (!string.IsNullOrWhiteSpace(submission.Email))
        {
            outbox.Enqueue(EmailOutboxHandler.MessageType, ReceiptEmail(command.Procedure, submission, computed, definition, statusUrl(token)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (keyHash is not null)
        {
            // A concurrent request with the same draft or key won the unique index (or the draft's concurrency token).
            LogLostRace(logger, exception);
            db.ChangeTracker.Clear();
            return await ReplayAsync(keyHash, command.RequestHash, cancellationToken) ?? throw new InvalidOperationException("The concurrent submission vanished.", exception);
        }

        return new SubmitResult.Accepted(submission, token, Replayed: false);
    }

    /// <summary>Where the receipt goes: the form's first email answer.</summary>
    public static string? FirstEmail(FormDefinition definition, JsonObject answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        return definition.AllFields().Where(f => f.Type == FieldType.Email)
            .Select(f => answers[f.Id] is JsonValue v && v.TryGetValue<string>(out var email) ? email : null)
            .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
    }

    /// <summary>The submission already made under this key: the same answer again, or a refusal if the body differs.</summary>
    private async Task<SubmitResult?> ReplayAsync(string keyHash, string? requestHash, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKeyHash == keyHash, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        if (requestHash is not null && existing.RequestHash != requestHash)
        {
            return new SubmitResult.KeyReused();
        }

        return new SubmitResult.Accepted(existing, StatusToken(existing), Replayed: true);
    }

    public string StatusToken(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return protection.CreateProtector(ProtectionPurpose).Unprotect(submission.StatusTokenProtected);
    }

    public async Task<Submission?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = DraftStore.Hash(token);
        return await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.StatusTokenHash == hash, cancellationToken);
    }

    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateTime ToJapanTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Japan);

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToJapanTime(utcNow));

    /// <summary>The calendar year in Japan (receipt numbers restart on 1 January JST).</summary>
    private static int JapanYear(DateTime utcNow) => ToJapanTime(utcNow).Year;

    private static EmailMessage ReceiptEmail(ProcedureInfo procedure, Submission submission, JsonObject computed, FormDefinition definition, string statusUrl)
    {
        var at = ToJapanTime(submission.SubmittedAt);
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"{procedure.TitleJa} の申請を受け付けました。");
        body.AppendLine(CultureInfo.InvariantCulture, $"We have received your application: {procedure.TitleEn}.");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"受付番号 / Receipt number: {submission.ReceiptNumber}");
        body.AppendLine(CultureInfo.InvariantCulture, $"受付日時 / Received: {at:yyyy-MM-dd HH:mm} (JST)");
        foreach (var value in definition.Computed.Where(c => computed.ContainsKey(c.Id)))
        {
            var amount = computed[value.Id]!.GetValue<decimal>().ToString("#,0", CultureInfo.InvariantCulture);
            body.AppendLine(CultureInfo.InvariantCulture, $"{value.Label.Ja} / {value.Label.Get(true)}: {amount}{value.Unit?.Ja}");
        }

        body.AppendLine();
        body.AppendLine("申請の状況はこちらで確認できます（このリンクは他の人に教えないでください）:");
        body.AppendLine("Follow your application here (do not share this link):");
        body.AppendLine(statusUrl);
        body.AppendLine();
        body.AppendLine("お問い合わせの際は受付番号をお伝えください。 Please quote the receipt number when you contact us.");
        return new EmailMessage(submission.Email!, $"【受付】{procedure.TitleJa}（受付番号 {submission.ReceiptNumber}） / Application received", body.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A concurrent submission with the same key won; answering with it")]
    private static partial void LogLostRace(ILogger logger, Exception exception);
}
