namespace Madoguchi.Platform.Email;

/// <summary>Sends one email. <paramref name="messageId"/> is stable across retries (idempotency).</summary>
public interface IEmailSender
{
    Task SendAsync(Guid messageId, EmailMessage email, CancellationToken cancellationToken);
}
