using MimeKit;

namespace Madoguchi.Platform.Email;

internal static class MimeMessages
{
    public static MimeMessage Build(Guid messageId, EmailMessage email, string from)
    {
        var text = new TextPart("plain") { Text = email.TextBody };
        MimeEntity body = text;
        if (email.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var attachment in attachments)
            {
                mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            }

            body = mixed;
        }

        var message = new MimeMessage
        {
            // A stable Message-ID lets receivers drop a duplicate delivered after a retry.
            MessageId = $"{messageId:N}@madoguchi",
            Subject = email.Subject,
            Body = body,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}
