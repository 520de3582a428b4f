using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.PublicComments.Model;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Processing;

/// <summary>What a submitter (or staff, for email, FAX and post) gives.</summary>
public sealed record OpinionInput(string? Name, string? Address, string? Email, string? AgeGroup, int? SectionNumber, string? Body);

/// <summary>Why an opinion was not taken.</summary>
public enum IntakeError
{
    None = 0,
    Invalid,
    NotOpenYet,
    Closed,
    ChannelNotAccepted,
    KeyReused,
}

public sealed record IntakeResult(IntakeError Error, Opinion? Opinion, bool Duplicate, IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Succeeded => Error == IntakeError.None;
}

/// <summary>Section <c>PublicComments</c>.</summary>
public sealed class PublicCommentsOptions
{
    /// <summary>Opinions one client address may send on the web (and anonymously by API) per hour.</summary>
    public int OpinionsPerHour { get; set; } = 10;
}

/// <summary>Limits web and anonymous API opinions per client address (a module-level limiter, so the form can answer in words).</summary>
public sealed class OpinionRateLimiter(Microsoft.Extensions.Options.IOptions<PublicCommentsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.OpinionsPerHour),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Takes opinions in (ADR 0024): validates them against the process's required fields, refuses web
/// opinions outside the period (Japan time, 必着) and marks late staff entries, gives each a receipt
/// number from a per-process sequence, and never makes two opinions from one submission key.
/// </summary>
public sealed class OpinionIntake(MadoguchiDb db, Madoguchi.Platform.Outbox.Outbox outbox)
{
    public const int MaxFieldLength = 200;

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static Dictionary<string, string> Validate(PublicCommentProcess process, OpinionInput input, IReadOnlyList<DraftSection> sections, bool staffEntry)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sections);
        var errors = new Dictionary<string, string>();
        if (input.SectionNumber is { } n && sections.All(s => s.Number != n))
        {
            errors["Section"] = "SectionUnknown";
        }

        // Staff record what arrived, even when a field is missing on a letter.
        if (!staffEntry && process.RequireName && string.IsNullOrWhiteSpace(input.Name))
        {
            errors["Name"] = "NameRequired";
        }
        else if (input.Name is { Length: > MaxFieldLength })
        {
            errors["Name"] = "TooLong";
        }

        if (!staffEntry && process.RequireAddress && string.IsNullOrWhiteSpace(input.Address))
        {
            errors["Address"] = "AddressRequired";
        }
        else if (input.Address is { Length: > MaxFieldLength })
        {
            errors["Address"] = "TooLong";
        }

        var email = input.Email?.Trim();
        if (!staffEntry && process.RequireContact && string.IsNullOrEmpty(email))
        {
            errors["Email"] = "EmailRequired";
        }
        else if (!string.IsNullOrEmpty(email) && (email.Length > MaxFieldLength || !System.Net.Mail.MailAddress.TryCreate(email, out _) || !email.Contains('.', StringComparison.Ordinal)))
        {
            errors["Email"] = "EmailInvalid";
        }

        if (input.AgeGroup is { Length: > 0 } age && !AgeGroups.Contains(age))
        {
            errors["AgeGroup"] = "AgeGroupUnknown";
        }

        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors["Body"] = "BodyRequired";
        }
        else if (input.Body.Length > Opinion.MaxBodyLength)
        {
            errors["Body"] = "BodyTooLong";
        }

        return errors;
    }

    /// <summary>Optional age groups (年代).</summary>
    public static readonly IReadOnlyList<string> AgeGroups = ["10代以下", "20代", "30代", "40代", "50代", "60代", "70代", "80代以上"];

    public async Task<IntakeResult> TakeAsync(PublicCommentProcess process, OpinionInput input, OpinionChannels channel, DateTime receivedAtUtc,
        DateTime nowUtc, string? submissionKey, string? recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(input);
        var staffEntry = recordedBy is not null;
        if (!process.Accepts(channel))
        {
            return Fail(IntakeError.ChannelNotAccepted);
        }

        if (!staffEntry && !process.HasOpened(nowUtc))
        {
            return Fail(IntakeError.NotOpenYet);
        }

        if (!staffEntry && process.IsClosed(nowUtc))
        {
            return Fail(IntakeError.Closed);
        }

        var sections = await db.Set<DraftSection>().AsNoTracking().Where(s => s.ProcessId == process.Id).ToListAsync(cancellationToken);
        var errors = Validate(process, input, sections, staffEntry);
        if (errors.Count > 0)
        {
            return new IntakeResult(IntakeError.Invalid, null, false, errors);
        }

        var contentHash = Hash(string.Join('\u001f', input.Name?.Trim(), input.Address?.Trim(), input.Email?.Trim(), input.AgeGroup, input.SectionNumber, input.Body?.Trim()));
        var keyHash = string.IsNullOrEmpty(submissionKey) ? null : Hash(process.Id + ":" + submissionKey);
        if (keyHash is not null && await FindByKeyAsync(process.Id, keyHash, cancellationToken) is { } earlier)
        {
            return earlier.ContentHash == contentHash ? new IntakeResult(IntakeError.None, earlier, true, errors) : Fail(IntakeError.KeyReused);
        }

        for (var attempt = 0; ; attempt++)
        {
            // One writer at a time takes the next number of a process: on PostgreSQL a transaction-scoped
            // advisory lock on the process; SQLite has a single writer, and the unique index backs both.
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                    var lockKey = BitConverter.ToInt64(process.Id.ToByteArray(), 8);
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
                }

                var next = (await db.Set<Opinion>().Where(o => o.ProcessId == process.Id).MaxAsync(o => (int?)o.Sequence, cancellationToken) ?? 0) + 1;
                var opinion = new Opinion
                {
                    Id = Guid.NewGuid(),
                    ProcessId = process.Id,
                    Sequence = next,
                    ReceiptNumber = $"{process.ReceiptPrefix}-{next:D4}",
                    SectionId = input.SectionNumber is { } n ? sections.Single(s => s.Number == n).Id : null,
                    Channel = channel,
                    ReceivedAt = receivedAtUtc,
                    IsLate = process.IsLate(receivedAtUtc),
                    SubmitterName = Clean(input.Name),
                    SubmitterAddress = Clean(input.Address),
                    SubmitterEmail = Clean(input.Email),
                    AgeGroup = Clean(input.AgeGroup),
                    Body = input.Body!.Trim(),
                    SubmissionKeyHash = keyHash,
                    ContentHash = contentHash,
                    RecordedBy = recordedBy,
                };
                db.Add(opinion);
                if (!staffEntry && opinion.SubmitterEmail is { } to)
                {
                    outbox.Enqueue(EmailOutboxHandler.MessageType, ReceiptEmail(process, opinion, to));
                }

                await db.SaveChangesAsync(cancellationToken);
                if (owned is not null)
                {
                    await owned.CommitAsync(cancellationToken);
                }

                return new IntakeResult(IntakeError.None, opinion, false, errors);
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                if (owned is not null)
                {
                    await owned.RollbackAsync(cancellationToken);
                }

                db.ChangeTracker.Clear();
                if (keyHash is not null && await FindByKeyAsync(process.Id, keyHash, cancellationToken) is { } winner)
                {
                    // A double click or a retry that raced the first: answer as the first did.
                    return winner.ContentHash == contentHash ? new IntakeResult(IntakeError.None, winner, true, errors) : Fail(IntakeError.KeyReused);
                }

                // Another opinion took this sequence number: take the next one.
                await Task.Delay(Random.Shared.Next(5, 30), cancellationToken);
            }
            finally
            {
                if (owned is not null)
                {
                    await owned.DisposeAsync();
                }
            }
        }

        static IntakeResult Fail(IntakeError error) => new(error, null, false, new Dictionary<string, string>());
    }

    private static EmailMessage ReceiptEmail(PublicCommentProcess process, Opinion opinion, string to) =>
        new(to, $"【受付番号 {opinion.ReceiptNumber}】{process.TitleJa}への御意見を受け付けました",
            $"{opinion.SubmitterName ?? ""} 様\n\n{process.TitleJa}への御意見を受け付けました。\n受付番号：{opinion.ReceiptNumber}\n" +
            $"受付日時：{PublicCommentProcess.ToJapan(opinion.ReceivedAt):yyyy年M月d日 H:mm}（日本時間）\n\n" +
            "いただいた御意見は、個人情報を除いて概要を公表し、市の考え方とあわせてお示しします。個別の回答はいたしません。\n\n" +
            $"{process.ContactDepartmentJa}\n※このメールは送信専用です。");

    private Task<Opinion?> FindByKeyAsync(Guid processId, string keyHash, CancellationToken cancellationToken) =>
        db.Set<Opinion>().AsNoTracking().FirstOrDefaultAsync(o => o.ProcessId == processId && o.SubmissionKeyHash == keyHash, cancellationToken);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
