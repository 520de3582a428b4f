using Madoguchi.Platform.Outbox;

namespace Madoguchi.Platform.Email;

/// <summary>Delivers <c>email</c> outbox messages through the configured <see cref="IEmailSender"/>.</summary>
public sealed class EmailOutboxHandler(IEmailSender sender) : IOutboxHandler
{
    public const string MessageType = "email";

    public string Type => MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sender.SendAsync(message.Id, Outbox.Outbox.Read<EmailMessage>(message), cancellationToken);
    }
}
