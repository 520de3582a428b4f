using System.Globalization;
using System.Net.Mail;
using System.Text;
using Madoguchi.Forms.Journey;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Microsoft.AspNetCore.Http;

namespace Madoguchi.Forms.Drafts;

/// <summary>
/// Emails the link that resumes a draft on any device (the draft's capability token, which this
/// browser holds in its cookie). At most one email every few minutes per draft.
/// </summary>
public sealed class ResumeLinks(Outbox outbox, TimeProvider clock)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(2);

    public static bool IsEmail(string? value) =>
        value is { Length: > 3 and <= 254 } && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Queues the email in the caller's unit of work; true when a link is (or was just) on its way.</summary>
    public Task<bool> SendAsync(HttpContext http, JourneyContext journey, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(journey);
        var draft = journey.Draft ?? throw new InvalidOperationException("No draft to resume.");
        var token = http.Request.Cookies[DraftStore.CookieName(journey.Procedure.Slug)];
        if (string.IsNullOrEmpty(token) || DraftStore.Hash(token) != draft.TokenHash)
        {
            return Task.FromResult(false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (draft.ResumeLinkSentAt is { } sent && now - sent < MinimumInterval && draft.Email == email)
        {
            return Task.FromResult(true);
        }

        draft.ResumeLinkSentAt = now;
        var link = $"{http.Request.Scheme}://{http.Request.Host}/apply/resume/{token}";
        var expires = Submissions.SubmissionService.ToJapanTime(draft.ExpiresAt);
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"「{journey.Procedure.TitleJa}」の入力の続きは、次のリンクから再開できます。");
        body.AppendLine(CultureInfo.InvariantCulture, $"Continue your application \"{journey.Procedure.TitleEn}\" from this link:");
        body.AppendLine();
        body.AppendLine(link);
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"このリンクは {expires:yyyy年M月d日} まで有効です。他の人に教えないでください。");
        body.AppendLine(CultureInfo.InvariantCulture, $"The link works until {expires:yyyy-MM-dd}. Do not share it: anyone with it can see your answers.");
        body.AppendLine();
        body.AppendLine("心当たりがない場合は、このメールを削除してください。 If you did not ask for this, delete this email.");
        outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(email, $"【再開用リンク】{journey.Procedure.TitleJa} / Link to continue your application", body.ToString()));
        return Task.FromResult(true);
    }
}
