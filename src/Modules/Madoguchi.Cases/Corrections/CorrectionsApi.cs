using System.Text.Json;
using Madoguchi.Cases.Notifications;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Corrections;

/// <summary>The 補正依頼 and notices of a case as <c>GET /api/v1/cases/{id}</c> shows them.</summary>
public static class CorrectionsApi
{
    public sealed record ChangeDto(string Field, string Label, string Before, string After);

    public sealed record CorrectionDto(Guid Id, DateTime RequestedAt, string RequestedBy, IReadOnlyList<string> Fields, bool Documents, string Message,
        DateTime ExpiresAt, string State, DateTime? AnsweredAt, bool ReminderSent, IReadOnlyList<ChangeDto> Changes);

    /// <summary>One notice: <c>state</c> is pending, sent, retrying or dead-lettered (the outbox message's delivery).</summary>
    public sealed record NotificationDto(Guid Id, string Kind, string Channel, string Language, string Recipient, DateTime CreatedAt, string State, int Attempts, DateTime? SentAt, string? LastError);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<CorrectionDto>> CorrectionsAsync(MadoguchiDb db, Guid caseId, bool english, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<CorrectionRequest>().AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.RequestedAt).Select(r => new CorrectionDto(
            r.Id, r.RequestedAt, r.RequestedByName, JsonSerializer.Deserialize<List<string>>(r.FieldsJson, Json) ?? [], r.Documents, r.Message, r.ExpiresAt,
            r.AnsweredAt is not null ? "answered" : r.ClosedAt is not null ? "closed" : r.ExpiresAt <= now ? "expired" : "open",
            r.AnsweredAt, r.ReminderSentAt is not null,
            [.. (r.ChangesJson is null ? [] : JsonSerializer.Deserialize<List<CorrectionChange>>(r.ChangesJson, Json) ?? [])
                .Select(c => new ChangeDto(c.Field, english ? c.LabelEn : c.LabelJa, c.Before, c.After))]))];
    }

    public static async Task<IReadOnlyList<NotificationDto>> NotificationsAsync(MadoguchiDb db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<CaseNotification>().AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var ids = rows.Select(n => n.OutboxMessageId).ToList();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.Attempts, m.DeliveredAt, m.LastError }).ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. rows.Select(n =>
        {
            var m = messages.GetValueOrDefault(n.OutboxMessageId);
            var state = m is null ? "sent"
                : m.Status == OutboxStatus.Delivered ? "sent"
                : m.Status == OutboxStatus.DeadLetter ? "dead-lettered"
                : m.Attempts > 0 ? "retrying" : "pending";
            return new NotificationDto(n.Id, n.Kind, n.Channel, n.Language, n.RecipientMasked, n.CreatedAt, state, m?.Attempts ?? 0, m?.DeliveredAt, m?.LastError);
        })];
    }
}
