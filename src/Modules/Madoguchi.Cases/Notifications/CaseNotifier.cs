using System.Globalization;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Corrections;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Cases.Notifications;

/// <summary>
/// プッシュ型通知: queues the citizen's notices about a case in the outbox, in the caller's unit of work
/// (so a notice is sent exactly when the change it tells about is saved), in the language they applied
/// in, from the organisation's templates; records each one so staff see its delivery state.
/// </summary>
public sealed class CaseNotifier(MadoguchiDb db, Outbox outbox, ISubmissionReader submissions, NotificationTemplates templates, IHttpContextAccessor http, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Called by <see cref="CaseService"/> before it saves a transition: the notice it calls for, and closing a 補正依頼 the case left.</summary>
    public async Task OnTransitionAsync(Case @case, CaseStatus from, CaseStatus to, CaseAction action, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var now = clock.GetUtcNow().UtcDateTime;
        if (from == CaseStatus.AwaitingCorrection && to != CaseStatus.AwaitingCorrection)
        {
            // Staff took the case back (or it was withdrawn) without the applicant's answer: the link stops working.
            var open = await db.Set<CorrectionRequest>().Where(r => r.CaseId == @case.Id && r.AnsweredAt == null && r.ClosedAt == null).ToListAsync(cancellationToken);
            foreach (var request in open)
            {
                request.ClosedAt = now;
                request.Version++;
            }
        }

        var kind = action switch
        {
            CaseAction.Accept when from == CaseStatus.Received => NotificationKinds.Received,
            CaseAction.Reject => NotificationKinds.Decision,
            CaseAction.Complete => NotificationKinds.Completed,
            _ => null,
        };
        if (kind is not null)
        {
            await EnqueueAsync(@case, kind, new Dictionary<string, string> { ["reason"] = comment ?? "" }, null, cancellationToken);
        }
    }

    /// <summary>
    /// Queues one notice (no email address: nothing to send, returns null). Does not save. A citizen signed in
    /// with an account that chose "in-app only" gets it on their page (お知らせ) and no email (ADR 0011).
    /// </summary>
    public async Task<CaseNotification?> EnqueueAsync(Case @case, string kind, IReadOnlyDictionary<string, string> values, string? linkBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(values);
        var submission = await submissions.FindAsync(@case.SubmissionId, cancellationToken);
        if (submission?.Email is not { Length: > 0 } email)
        {
            return null;
        }

        var inAppOnly = submission.CitizenAccountId is { } accountId && services.GetService<ICitizenSession>() is { } accounts
            && await accounts.InAppOnlyAsync(accountId, cancellationToken);

        var language = submission.Language == "en" ? "en" : "ja";
        var english = language == "en";
        var origin = linkBase ?? LinkBase() ?? "";
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["procedure"] = english ? @case.ProcedureTitleEn : @case.ProcedureTitleJa,
            ["receiptNumber"] = @case.ReceiptNumber,
            ["statusUrl"] = submission.StatusToken is { } token ? $"{origin}/status/{token}" : "",
            ["dueDate"] = @case.DueDate is { } due ? (english ? due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)) : "",
        };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        var text = await templates.GetAsync(kind, language, cancellationToken);
        var subject = NotificationTemplates.Render(text.Subject, all);
        var body = NotificationTemplates.Render(text.Body, all);
        var messageId = inAppOnly ? Guid.Empty : outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(email, subject, body), @case.OrganizationId).Id;
        var notification = new CaseNotification
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            Kind = kind,
            Language = language,
            Channel = inAppOnly ? "in-app" : "email",
            RecipientMasked = Mask(email),
            OutboxMessageId = messageId,
            Subject = subject,
            Body = body,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notification);
        return notification;
    }

    /// <summary>The site's address from the current request (null outside one).</summary>
    public string? LinkBase() => http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : null;

    public static string Mask(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
