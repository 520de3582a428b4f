using System.Globalization;
using System.Text.Json;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Notifications;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madoguchi.Cases.Corrections;

/// <summary>Section <c>Cases:Corrections</c>.</summary>
public sealed class CorrectionOptions
{
    public const string Section = "Cases:Corrections";

    /// <summary>How long a 補正依頼 link works (calendar days).</summary>
    public int LinkDays { get; set; } = 30;

    /// <summary>催促: one reminder when the applicant has not answered after this many business days (営業日).</summary>
    public int ReminderBusinessDays { get; set; } = 5;

    /// <summary>How often the reminder job looks (minutes).</summary>
    public double ReminderIntervalMinutes { get; set; } = 30;
}

/// <summary>What staff ask for in a 補正依頼.</summary>
public sealed record CorrectionInput(IReadOnlyList<string> Fields, bool Documents, string? Message, int? ExpectedVersion = null);

/// <summary>
/// 補正依頼 on both sides. Staff (the API's <c>request-correction</c> action and the staff page's form)
/// ask through <see cref="RequestAsync"/>: the request, its emailed link and the transition to
/// 補正依頼中 are saved together. The citizen's correction page (forms module) finds the request by
/// its token and stages the answer through <see cref="ICorrectionRequests"/>.
/// </summary>
public sealed class CorrectionService(
    MadoguchiDb db, CaseService cases, ISubmissionFields submissionFields, CaseNotifier notifier, ICurrentActor auditActor, IOptions<CorrectionOptions> options, TimeProvider clock) : ICorrectionRequests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Outcome(ActionResult Result, IReadOnlyDictionary<string, string> FieldErrorsJa, IReadOnlyDictionary<string, string> FieldErrorsEn);

    public async Task<ActionResult> RequestAsync(Guid caseId, CaseActor actor, CorrectionInput input, string linkBase, CancellationToken cancellationToken) =>
        (await RequestWithErrorsAsync(caseId, actor, input, linkBase, cancellationToken)).Result;

    /// <summary>Asks for a correction; on a bad request the errors per input (fields, message) in both languages.</summary>
    public async Task<Outcome> RequestWithErrorsAsync(Guid caseId, CaseActor actor, CorrectionInput input, string linkBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var request = new CaseActionRequest(CaseAction.RequestCorrection, input.Message?.Trim(), input.ExpectedVersion);
        var @case = await cases.FindAsync(caseId, actor, cancellationToken);
        if (@case is null || !TransitionTable.TryGet(CaseAction.RequestCorrection, @case.Status, out _) || input.ExpectedVersion is { } v && v != @case.Version)
        {
            // Not found, not allowed in this state, or stale: the one transition path answers.
            return new(await cases.TakeAsync(caseId, actor, request, cancellationToken), Empty, Empty);
        }

        var known = await submissionFields.FieldsAsync(@case.SubmissionId, cancellationToken);
        var fields = input.Fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (input.Documents)
        {
            fields.AddRange(known.Where(k => k.IsDocument && !fields.Contains(k.Key)).Select(k => k.Key));
        }

        var errorsJa = new Dictionary<string, string>(StringComparer.Ordinal);
        var errorsEn = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = fields.Where(f => known.All(k => k.Key != f)).ToList();
        if (unknown.Count > 0)
        {
            errorsJa["fields"] = $"この申請にない項目です: {string.Join("、", unknown)}";
            errorsEn["fields"] = $"The application has no such question: {string.Join(", ", unknown)}";
        }
        else if (fields.Count == 0)
        {
            errorsJa["fields"] = input.Documents ? "この申請の様式には書類の項目がありません。直してもらう項目を選んでください。" : "直してもらう項目を1つ以上選んでください。";
            errorsEn["fields"] = input.Documents ? "This form has no document question. Choose the answers to correct." : "Choose at least one answer to correct.";
        }

        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0 || message.Length > 2000)
        {
            errorsJa["message"] = "申請者へのお願い（何をどう直すか）を2000文字以内で入力してください。";
            errorsEn["message"] = "Tell the applicant what to correct and how, in 2000 characters or fewer.";
        }

        if (errorsJa.Count > 0)
        {
            return new(new ActionResult(ActionResultKind.Invalid, @case, TransitionTable.AllowedIn(@case.Status),
                string.Join(" ", errorsJa.Values), string.Join(" ", errorsEn.Values)), errorsJa, errorsEn);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = CorrectionRequest.NewToken();
        var correction = new CorrectionRequest
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            SubmissionId = @case.SubmissionId,
            TokenHash = CorrectionRequest.Hash(token),
            FieldsJson = JsonSerializer.Serialize(fields, Json),
            Documents = input.Documents,
            Message = message,
            RequestedAt = now,
            ExpiresAt = now.AddDays(options.Value.LinkDays),
            RequestedById = actor.UserId,
            RequestedByName = actor.Name,
            LinkBase = linkBase,
            Version = 1,
        };
        db.Add(correction);
        var notification = await notifier.EnqueueAsync(@case, NotificationKinds.CorrectionRequested, Values(correction, known, fields, $"{linkBase}/correct/{token}", english: null), linkBase, cancellationToken);
        var result = await cases.TakeAsync(caseId, actor, request, cancellationToken);
        if (result.Kind != ActionResultKind.Done)
        {
            // Nothing of the request may stay behind when the transition did not happen.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }

        _ = notification;
        return new(result, Empty, Empty);
    }

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    /// <summary>Template values of a request; <paramref name="english"/> null: decided per recipient (labels in both languages).</summary>
    internal static Dictionary<string, string> Values(CorrectionRequest correction, IReadOnlyList<CorrectableField> known, IReadOnlyList<string> fields, string correctionUrl, bool? english)
    {
        var labels = fields.Select(f => known.FirstOrDefault(k => k.Key == f) is { } k ? (english == true ? k.LabelEn : english == false ? k.LabelJa : $"{k.LabelJa} / {k.LabelEn}") : f);
        var expires = DateTime.SpecifyKind(correction.ExpiresAt, DateTimeKind.Utc).AddHours(9);
        return new(StringComparer.Ordinal)
        {
            ["message"] = correction.Message,
            ["fields"] = string.Join("、", labels),
            ["correctionUrl"] = correctionUrl,
            ["expires"] = expires.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (JST)",
        };
    }

    public async Task<CorrectionRequestInfo?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = CorrectionRequest.Hash(token);
        var found = await db.Set<CorrectionRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return found is null ? null : Info(found);
    }

    public async Task<CorrectionRequestInfo?> LatestForSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var found = await db.Set<CorrectionRequest>().AsNoTracking().Where(r => r.SubmissionId == submissionId)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : Info(found);
    }

    public async Task<CorrectionAnswerOutcome> StageAnswerAsync(Guid correctionId, IReadOnlyList<CorrectionChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = clock.GetUtcNow().UtcDateTime;
        var correction = await db.Set<CorrectionRequest>().FirstOrDefaultAsync(r => r.Id == correctionId, cancellationToken);
        if (correction is null)
        {
            return CorrectionAnswerOutcome.NotOpen;
        }

        if (correction.AnsweredAt is not null)
        {
            return CorrectionAnswerOutcome.AlreadyAnswered;
        }

        var @case = await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == correction.CaseId, cancellationToken);
        if (!correction.IsOpen(now) || @case is null || @case.Status != CaseStatus.AwaitingCorrection)
        {
            return CorrectionAnswerOutcome.NotOpen;
        }

        correction.AnsweredAt = now;
        correction.ChangesJson = JsonSerializer.Serialize(changes, Json);
        correction.Version++;
        var from = @case.Status;
        @case.Status = CaseStatus.UnderReview;
        @case.UpdatedAt = now;
        @case.Version++;
        db.Add(new CaseEvent
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            At = now,
            ActorName = "applicant",
            Action = "correction-answered",
            FromStatus = from,
            ToStatus = @case.Status,
            Comment = DiffText(changes),
        });
        db.AuditEntries.Add(AuditEntry.Create(auditActor.Actor, "case.correction-answered", nameof(Case), @case.Id.ToString(), $"{TransitionTable.WireName(from)}->{TransitionTable.WireName(@case.Status)}", now));
        return CorrectionAnswerOutcome.Staged;
    }

    /// <summary>補正の差分 as one line per field: 「氏名: 武蔵野 太郎 → 武蔵野 次郎」 (at most 2000 characters).</summary>
    public static string DiffText(IReadOnlyList<CorrectionChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = changes.Count == 0 ? "変更なし / no changes" : string.Join("\n", changes.Select(c => $"{c.LabelJa}: {Show(c.Before)} → {Show(c.After)}"));
        return text.Length <= 2000 ? text : text[..1999] + "…";

        static string Show(string value) => value.Length == 0 ? "（なし）" : value;
    }

    private CorrectionRequestInfo Info(CorrectionRequest r)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = r.AnsweredAt is not null ? CorrectionState.Answered
            : r.ClosedAt is not null ? CorrectionState.Closed
            : r.ExpiresAt <= now ? CorrectionState.Expired
            : CorrectionState.Open;
        return new CorrectionRequestInfo(r.Id, r.SubmissionId, JsonSerializer.Deserialize<List<string>>(r.FieldsJson, Json) ?? [], r.Documents, r.Message, r.RequestedAt, r.ExpiresAt, state, r.AnsweredAt);
    }
}
