using Madoguchi.IntegrationTests.Support;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutboxService = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.IntegrationTests;

/// <summary>The outbox on PostgreSQL with several instances delivering at once (FOR UPDATE SKIP LOCKED).</summary>
public sealed class OutboxTests
{
    private const int Messages = 200;
    private const int Instances = 4;
    private const int ParallelWorkers = 8;

    [Fact]
    public async Task FourInstances_DeliverEveryMessageExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // The first host migrates and seeds; its own worker stays off so that only the four below deliver.
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:BatchSize"] = "5",
        });
        var log = new DeliveryLog();
        var instances = new List<WebApplicationFactory<Program>>();
        for (var i = 0; i < Instances; i++)
        {
            var name = $"instance-{i}";
            var instance = app.WithWebHostBuilder(b =>
            {
                b.UseSetting("Outbox:Enabled", "true");
                b.UseSetting("Seed:Demo", "false");
                b.UseSetting("Database:MigrateOnStart", "false");
                b.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(sp =>
                    new CountingEmailSender(log, name, ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp))));
            });
            _ = instance.Server; // starts the host and its worker
            instances.Add(instance);
        }

        // All four are polling; now 200 messages arrive in one transaction.
        var ids = await EnqueueAsync(app, Messages, ct);

        await WaitUntilAsync(async () => await CountAsync(app, OutboxStatus.Delivered, ct) == Messages, TimeSpan.FromSeconds(90), ct);

        Assert.Equal(Messages, log.Sends.Count);
        Assert.All(ids, id => Assert.True(log.Sends.TryGetValue(id, out var n) && n == 1, $"Message {id} was sent {log.Sends.GetValueOrDefault(id)} times."));
        Assert.Equal(Messages, Directory.GetFiles(app.MailDirectory, "*.eml").Length);
        Assert.Equal(Messages, await CountAsync(app, OutboxStatus.Delivered, ct));
        Assert.True(log.ByInstance.Count >= 2, $"Only {string.Join(", ", log.ByInstance.Keys)} delivered: the instances did not run concurrently.");
    }

    [Fact]
    public async Task EightWorkers_RunOnceInParallel_ClaimEveryMessageOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            // Small batches: claims are frequent, so workers claim at the same moment often.
            ["Outbox:BatchSize"] = "2",
        });
        await EnqueueAsync(app, Messages, ct);
        var workers = Enumerable.Range(0, ParallelWorkers).Select(_ => ActivatorUtilities.CreateInstance<OutboxWorker>(app.Services)).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claims = workers.Select(worker => Task.Run(async () =>
        {
            await start.Task;
            var total = 0;
            for (var claimed = -1; claimed != 0;)
            {
                claimed = await worker.RunOnceAsync(ct);
                total += claimed;
            }

            return total;
        }, ct)).ToList();
        start.SetResult();
        var perWorker = await Task.WhenAll(claims);

        Assert.Equal(Messages, perWorker.Sum()); // a message claimed twice would count twice
        Assert.Equal(Messages, await CountAsync(app, OutboxStatus.Delivered, ct));
        Assert.Equal(Messages, Directory.GetFiles(app.MailDirectory, "*.eml").Length);
    }

    [Fact]
    public async Task OneWorker_DeliversItsBatchConcurrently_UpToTheLimit_EachMessageOnce()
    {
        // Under sustained submissions one worker delivering one message at a time falls behind (each message is its
        // own transaction and commit); it delivers up to Outbox:Concurrency messages of its batch at once instead.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:BatchSize"] = "12",
            ["Outbox:Concurrency"] = "4",
        });
        var sender = new OverlapEmailSender(expected: 4);
        await using var instance = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Seed:Demo", "false");
            b.UseSetting("Database:MigrateOnStart", "false");
            b.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(sender));
        });
        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(instance.Services);
        var ids = await EnqueueAsync(app, 12, ct);

        var claimed = await worker.RunOnceAsync(ct);

        Assert.Equal(12, claimed);
        Assert.Equal(12, await CountAsync(app, OutboxStatus.Delivered, ct));
        Assert.All(ids, id => Assert.Equal(1, sender.Sends.GetValueOrDefault(id)));
        Assert.Equal(4, sender.MostAtOnce); // four at once, never more
    }

    [Fact]
    public async Task AHandlerThatFailsAfterSaving_LeavesNothingBehind_AndItsMessageIsRetried()
    {
        // The handler's writes and the delivered mark are one transaction: a failure half-way through a delivery
        // undoes what the handler saved, so the retry starts from a clean slate (and a delivery costs one commit).
        var ct = TestContext.Current.CancellationToken;
        // An hour's backoff: on a crowded machine the seconds-long default can pass before the assertion reads it.
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:BaseDelaySeconds"] = "3600",
        });
        await using var instance = WithHandler<SavesThenFailsHandler>(app);
        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(instance.Services);
        var id = await EnqueueOneAsync(app, SavesThenFailsHandler.MessageType, ct);

        Assert.Equal(1, await worker.RunOnceAsync(ct));

        var (message, followUps) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => (
            await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct),
            await db.OutboxMessages.CountAsync(m => m.Type == SavesThenFailsHandler.FollowUpType, ct)));
        Assert.Equal(0, followUps); // what the handler saved before failing was rolled back
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("InvalidOperationException: fails after saving (test)", message.LastError);
        Assert.True(message.NextAttemptAt > DateTime.UtcNow.AddMinutes(30), $"The retry waits for its backoff (next attempt {message.NextAttemptAt:O}).");
        Assert.Null(message.LockedBy);
    }

    [Fact]
    public async Task AHandlerThatClearsItsChangeTracker_StillHasItsMessageMarkedDelivered()
    {
        // The case intake clears its change tracker when it loses a race (another delivery opened the case first).
        // The message's delivered mark must survive that, or the message waits for its lock to expire and comes again.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        await using var instance = WithHandler<ClearsTrackerHandler>(app);
        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(instance.Services);
        var id = await EnqueueOneAsync(app, ClearsTrackerHandler.MessageType, ct);

        Assert.Equal(1, await worker.RunOnceAsync(ct));

        var message = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct));
        Assert.Equal(OutboxStatus.Delivered, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.LockedBy);
    }

    [Fact]
    public async Task ABatchingHandler_DeliversSeveralMessagesInOneTransaction_AndOneFailureFailsOnlyItsOwnMessage()
    {
        // A handler that only writes this database gets several messages in one scope and transaction (one commit for
        // all). When one of them fails, the batch rolls back and each is delivered alone: the others are delivered
        // once, with their writes saved once, and only the failing message records a failure.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:BaseDelaySeconds"] = "3600",
            ["Outbox:BatchSize"] = "12",
            ["Outbox:DeliveryBatchSize"] = "6",
        });
        var contexts = new BatchLog();
        await using var instance = WithHandler<BatchingHandler>(app, services => services.AddSingleton(contexts));
        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(instance.Services);
        var good = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            good.Add(await EnqueueOneAsync(app, BatchingHandler.MessageType, ct));
        }

        var bad = await EnqueueOneAsync(app, BatchingHandler.MessageType, ct, new { fail = true });

        Assert.Equal(12, await worker.RunOnceAsync(ct));

        var (messages, followUps) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => (
            await db.OutboxMessages.AsNoTracking().Where(m => m.Type == BatchingHandler.MessageType).ToDictionaryAsync(m => m.Id, ct),
            await db.OutboxMessages.AsNoTracking().Where(m => m.Type == BatchingHandler.FollowUpType).Select(m => m.Payload).ToListAsync(ct)));
        Assert.All(good, id =>
        {
            Assert.Equal(OutboxStatus.Delivered, messages[id].Status);
            Assert.Equal(1, messages[id].Attempts);
            Assert.Single(followUps, p => p.Contains(id.ToString(), StringComparison.Ordinal)); // saved once, not once per try
        });
        Assert.Equal(OutboxStatus.Pending, messages[bad].Status);
        Assert.Equal(1, messages[bad].Attempts);
        Assert.Equal("InvalidOperationException: this message fails (test)", messages[bad].LastError);
        Assert.DoesNotContain(followUps, p => p.Contains(bad.ToString(), StringComparison.Ordinal));
        // Two batches of six, each first tried in one scope; the one with the failing message again one by one.
        Assert.Equal(6, contexts.MostMessagesInOneScope);
    }

    /// <summary>A second host on the same database whose outbox knows one more handler (its own worker stays off).</summary>
    private static WebApplicationFactory<Program> WithHandler<THandler>(MadoguchiApp app, Action<IServiceCollection>? configure = null)
        where THandler : class, IOutboxHandler =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Seed:Demo", "false");
            b.UseSetting("Database:MigrateOnStart", "false");
            b.ConfigureTestServices(services =>
            {
                services.AddScoped<IOutboxHandler, THandler>();
                configure?.Invoke(services);
            });
        });

    private static Task<Guid> EnqueueOneAsync(MadoguchiApp app, string type, CancellationToken ct, object? payload = null) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            var message = services.GetRequiredService<OutboxService>().Enqueue(type, payload ?? new { step = 1 });
            await db.SaveChangesAsync(ct);
            return message.Id;
        });

    private static Task<List<Guid>> EnqueueAsync(MadoguchiApp app, int count, CancellationToken ct) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            var outbox = services.GetRequiredService<OutboxService>();
            var ids = Enumerable.Range(0, count)
                .Select(i => outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage($"resident{i}@example.jp", $"受付番号 {i}", "申請を受け付けました。")).Id)
                .ToList();
            await db.SaveChangesAsync(ct);
            return ids;
        });

    private static Task<int> CountAsync(MadoguchiApp app, OutboxStatus status, CancellationToken ct) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.OutboxMessages.CountAsync(m => m.Status == status, ct));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Does what the case intake does after losing a race: forgets everything it tracks, then succeeds.</summary>
    private sealed class ClearsTrackerHandler(MadoguchiDb db) : IOutboxHandler
    {
        public const string MessageType = "test.clears-tracker";

        public string Type => MessageType;

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            db.ChangeTracker.Clear();
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the messages each scope (DbContext) handled.</summary>
    private sealed class BatchLog
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _perContext = new();

        public int MostMessagesInOneScope => _perContext.Values.DefaultIfEmpty().Max();

        public void Handled(Guid contextId) => _perContext.AddOrUpdate(contextId, 1, (_, n) => n + 1);
    }

    /// <summary>Only writes the database (a follow-up message per message), so it takes batches; fails messages marked to fail.</summary>
    private sealed class BatchingHandler(MadoguchiDb db, OutboxService outbox, BatchLog log) : IOutboxHandler
    {
        public const string MessageType = "test.batching";
        public const string FollowUpType = "test.batching-follow-up";

        public string Type => MessageType;

        public bool DeliversInBatches => true;

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            log.Handled(db.ContextId.InstanceId);
            outbox.Enqueue(FollowUpType, new { of = message.Id }, message.OrganizationId);
            await db.SaveChangesAsync(cancellationToken);
            if (message.Payload.Contains("fail", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("this message fails (test)");
            }
        }
    }

    /// <summary>Saves a follow-up message of the same organisation, then fails.</summary>
    private sealed class SavesThenFailsHandler(MadoguchiDb db, OutboxService outbox) : IOutboxHandler
    {
        public const string MessageType = "test.saves-then-fails";
        public const string FollowUpType = "test.follow-up";

        public string Type => MessageType;

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            outbox.Enqueue(FollowUpType, new { of = message.Id }, message.OrganizationId);
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("fails after saving (test)");
        }
    }

    /// <summary>Counts sends in flight; each send waits (up to 5 s) until the expected number overlap, so a worker that sends one at a time shows 1.</summary>
    private sealed class OverlapEmailSender(int expected) : IEmailSender
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _sends = new();
        private int _inFlight;
        private int _most;

        public IReadOnlyDictionary<Guid, int> Sends => _sends;
        public int MostAtOnce => Volatile.Read(ref _most);

        public async Task SendAsync(Guid messageId, EmailMessage email, CancellationToken cancellationToken)
        {
            _sends.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            var now = Interlocked.Increment(ref _inFlight);
            for (var most = Volatile.Read(ref _most); now > most && Interlocked.CompareExchange(ref _most, now, most) != most; most = Volatile.Read(ref _most))
            {
            }

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (Volatile.Read(ref _most) < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken);
            }

            await Task.Delay(20, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
