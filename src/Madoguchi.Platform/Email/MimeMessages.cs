using MimeKit;

namespace Madoguchi.Platform.Email;

internal static class MimeMessages
{
    public static MimeMessage Build(Guid messageId, EmailMessage email, string from)
    {
        var message = new MimeMessage
        {
            // A stable Message-ID lets receivers drop a duplicate delivered after a retry.
            MessageId = $"{messageId:N}@madoguchi",
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.TextBody },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}
