using System.Globalization;
using System.Text.RegularExpressions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Notifications;

/// <summary>
/// 通知テンプレートの編集 (ADR 0056): which placeholders each kind of notice can fill, validation of a wording,
/// a preview with sample values, and saving under optimistic concurrency — the page carries the row's
/// <see cref="NotificationTemplate.UpdatedAt"/> as its stamp and the update only applies while the row still has it,
/// so of two editors the second gets a conflict instead of silently overwriting the first. Each save is audited.
/// </summary>
public sealed partial class NotificationTemplateEditor(MadoguchiDb db, ICurrentActor actor, TimeProvider clock)
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 8000;

    private static readonly string[] Common = ["procedure", "receiptNumber", "statusUrl", "dueDate"];
    private static readonly string[] Correction = ["message", "fields", "correctionUrl", "expires"];
    private static readonly string[] Languages = ["ja", "en"];

    /// <summary>The placeholders each kind of notice fills (what <see cref="CaseNotifier"/> and the correction service pass).</summary>
    public static IReadOnlyList<string> PlaceholdersFor(string kind) => kind switch
    {
        NotificationKinds.Decision => [.. Common, "reason"],
        NotificationKinds.CorrectionRequested or NotificationKinds.Reminder => [.. Common, .. Correction],
        _ => Common,
    };

    public static bool IsKnown(string kind, string language) => NotificationKinds.All.Contains(kind) && language is "ja" or "en";

    /// <summary>One stored (or default) wording with the stamp the page carries ("" when nothing is stored yet).</summary>
    public sealed record Entry(string Kind, string Language, string Subject, string Body, string Stamp, DateTime? UpdatedAt);

    public enum SaveResult
    {
        Saved,
        Conflict,
    }

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<NotificationTemplate>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. NotificationKinds.All.SelectMany(kind => Languages.Select(language =>
            stored.FirstOrDefault(t => t.Kind == kind && t.Language == language) is { } t ? ToEntry(t) : Default(kind, language)))];
    }

    public async Task<Entry> GetAsync(string kind, string language, CancellationToken cancellationToken)
    {
        var stored = await db.Set<NotificationTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.Language == language, cancellationToken);
        return stored is null ? Default(kind, language) : ToEntry(stored);
    }

    /// <summary>Field errors (subject, body) as (ja, en) pairs; empty when the wording can be saved.</summary>
    public static Dictionary<string, (string Ja, string En)> Validate(string kind, string? subject, string? body)
    {
        var errors = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var allowed = PlaceholdersFor(kind);
        var list = string.Join(" ", allowed.Select(p => "{" + p + "}"));
        void Check(string field, string? text, int max, string nameJa, string nameEn)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[field] = ($"{nameJa}を入力してください。", $"Enter the {nameEn}.");
                return;
            }

            if (text.Length > max)
            {
                errors[field] = ($"{nameJa}は{max}文字以内にしてください。", $"Keep the {nameEn} to {max} characters or fewer.");
                return;
            }

            if (field == "subject" && text.Contains('\n', StringComparison.Ordinal))
            {
                errors[field] = ("件名は1行にしてください。", "Keep the subject on one line.");
                return;
            }

            var unknown = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !allowed.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                var names = string.Join(" ", unknown.Select(p => "{" + p + "}"));
                errors[field] = ($"{nameJa}に、この通知では使えない差し込み項目があります: {names}。使える項目: {list}",
                    $"The {nameEn} has a placeholder this notice cannot fill: {names}. You can use: {list}");
            }
        }

        Check("subject", subject, SubjectMaxLength, "件名", "subject");
        Check("body", body, BodyMaxLength, "本文", "body");
        return errors;
    }

    /// <summary>Sample values for the preview, in the notice's language.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(string language)
    {
        var en = language == "en";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["procedure"] = en ? "Certificates by post" : "各種証明書の郵送請求",
            ["receiptNumber"] = "MSN-2026-000123",
            ["statusUrl"] = "https://example.jp/status/SAMPLE-TOKEN",
            ["dueDate"] = en ? "18 December 2026" : "2026年12月18日",
            ["reason"] = en ? "The applicant does not live in the city." : "市内に住所がないため。",
            ["message"] = en ? "Please state where you will submit the certificate." : "提出先を具体的に書いてください。",
            ["fields"] = en ? "Purpose" : "使いみち",
            ["correctionUrl"] = "https://example.jp/correct/SAMPLE-TOKEN",
            ["expires"] = "2027-01-06 23:59 (JST)",
        };
    }

    /// <summary>
    /// Saves when the stored row still carries <paramref name="stamp"/> (or, for "", when none is stored yet); otherwise
    /// <see cref="SaveResult.Conflict"/> and nothing changes. The change and its audit entry are one transaction.
    /// </summary>
    public async Task<SaveResult> SaveAsync(string kind, string language, string subject, string body, string stamp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Guid id;
        if (string.IsNullOrEmpty(stamp))
        {
            var row = new NotificationTemplate { Id = Guid.NewGuid(), Kind = kind, Language = language, Subject = subject, Body = body, UpdatedAt = now };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone stored this wording first (unique organisation, kind and language).
                db.ChangeTracker.Clear();
                return SaveResult.Conflict;
            }

            id = row.Id;
        }
        else
        {
            if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return SaveResult.Conflict;
            }

            var expected = new DateTime(ticks, DateTimeKind.Utc);
            var target = await db.Set<NotificationTemplate>().AsNoTracking().Where(t => t.Kind == kind && t.Language == language).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            // The row changes only while it still has the stamp this editor saw: the database decides who was first.
            var updated = target is null ? 0 : await db.Set<NotificationTemplate>()
                .Where(t => t.Id == target && t.UpdatedAt == expected)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Subject, subject).SetProperty(t => t.Body, body).SetProperty(t => t.UpdatedAt, now), cancellationToken);
            if (updated != 1)
            {
                return SaveResult.Conflict;
            }

            id = target!.Value;
        }

        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "notification_template.updated", nameof(NotificationTemplate), id.ToString(),
            $"kind={kind} language={language} subject={subject.Length} chars body={body.Length} chars", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved;
    }

    public static string StampOf(DateTime updatedAt) => updatedAt.Ticks.ToString(CultureInfo.InvariantCulture);

    private static Entry ToEntry(NotificationTemplate t) => new(t.Kind, t.Language, t.Subject, t.Body, StampOf(t.UpdatedAt), t.UpdatedAt);

    private static Entry Default(string kind, string language)
    {
        var text = NotificationTemplates.Defaults[(kind, language)];
        return new(kind, language, text.Subject, text.Body, "", null);
    }

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();
}
