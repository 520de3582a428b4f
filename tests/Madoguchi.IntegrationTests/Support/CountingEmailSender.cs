using System.Collections.Concurrent;
using Madoguchi.Platform.Email;

namespace Madoguchi.IntegrationTests.Support;

/// <summary>Counts every send per outbox message id (across all app instances sharing it), then hands on to the real sender.</summary>
public sealed class CountingEmailSender(DeliveryLog log, string instance, IEmailSender inner) : IEmailSender
{
    public async Task SendAsync(Guid messageId, EmailMessage email, CancellationToken cancellationToken)
    {
        log.Record(messageId, instance);
        await Task.Delay(2, cancellationToken); // widen the window in which instances overlap
        await inner.SendAsync(messageId, email, cancellationToken);
    }
}

/// <summary>What every instance sent, shared by the test.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<Guid, int> _sends = new();
    private readonly ConcurrentDictionary<string, int> _byInstance = new();

    public IReadOnlyDictionary<Guid, int> Sends => _sends;
    public IReadOnlyDictionary<string, int> ByInstance => _byInstance;

    public void Record(Guid messageId, string instance)
    {
        _sends.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        _byInstance.AddOrUpdate(instance, 1, (_, n) => n + 1);
    }
}
