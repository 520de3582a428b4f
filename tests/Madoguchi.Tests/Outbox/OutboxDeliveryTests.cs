using System.Net;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Madoguchi.Tests.ApiKeys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.Tests.Outbox;

public sealed class OutboxDeliveryTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FailingEmailSender : IEmailSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(Guid messageId, EmailMessage email, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("SMTP server refused the connection (test)");
        }
    }

    private static async Task<Guid> EnqueueEmailAsync(IServiceProvider services, string to)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Madoguchi.Platform.Data.MadoguchiDb>();
        var organization = await db.Organizations.SingleAsync(o => o.Code == DemoSeeder.OrganizationCode, TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organization);
        var message = scope.ServiceProvider.GetRequiredService<OutboxQueue>()
            .Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(to, "お知らせ / Notice", "本文 / Body"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return message.Id;
    }

    private static async Task<OutboxMessage> LoadAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Madoguchi.Platform.Data.MadoguchiDb>();
        return await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FailingEmail_IsRetriedWithGrowingBackoff_ThenDeadLettered_ListedAndRetriable()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false", // the test drives the worker itself
            ["Outbox:MaxAttempts"] = "4",
            ["Outbox:BaseDelaySeconds"] = "5",
        };
        await using var app = await MadoguchiApp.StartAsync(settings: settings);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sender = new FailingEmailSender();
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(sender);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var id = await EnqueueEmailAsync(failing.Services, "someone@musashino.example");
        var worker = failing.Services.GetRequiredService<OutboxWorker>();

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
            var message = await LoadAsync(failing.Services, id);
            Assert.Equal(attempt, message.Attempts);
            Assert.Contains("SMTP server refused", message.LastError, StringComparison.Ordinal);
            if (attempt < 4)
            {
                Assert.Equal(OutboxStatus.Pending, message.Status);
                var delay = message.NextAttemptAt - clock.Now.UtcDateTime;
                delays.Add(delay);
                Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken)); // not due yet
                clock.Now += delay + TimeSpan.FromSeconds(1);
            }
            else
            {
                Assert.Equal(OutboxStatus.DeadLetter, message.Status);
            }
        }

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], delays);
        Assert.Equal(4, sender.Calls);
        clock.Now += TimeSpan.FromDays(1);
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken)); // never silently retried or dropped

        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", MadoguchiApp.DemoApiKey);
        var deadLetters = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/outbox/dead-letters"));
        var listed = Assert.Single(deadLetters.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal(4, listed.GetProperty("attempts").GetInt32());
        Assert.Contains("SMTP server refused", listed.GetProperty("lastError").GetString()!, StringComparison.Ordinal);
        Assert.False(listed.TryGetProperty("payload", out _));

        var retried = await client.PostAsync(new Uri($"/api/v1/outbox/{id}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var after = await LoadAsync(failing.Services, id);
        Assert.Equal(OutboxStatus.Pending, after.Status);
        Assert.Equal(0, after.Attempts);
        Assert.Empty((await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/outbox/dead-letters"))).EnumerateArray());

        await ApiJson.AssertProblemAsync(await client.PostAsync(new Uri($"/api/v1/outbox/{id}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken), 409);
        await ApiJson.AssertProblemAsync(await client.PostAsync(new Uri($"/api/v1/outbox/{Guid.NewGuid()}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken), 404);
        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken)); // back in the queue
    }

    private static readonly string[] AuditOnly = ["audit:read"];

    [Fact]
    public async Task DeadLetters_NeedTheOutboxScope()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var admin = app.CreateApiClient();
        var created = await ApiJson.ReadAsync(await ApiJson.PostAsync(admin, "/api/v1/api-keys", new { name = "audit only", scopes = AuditOnly }));
        using var client = app.CreateApiClient(created.GetProperty("secret").GetString()!);

        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(client, "/api/v1/outbox/dead-letters"), 403);
    }

    [Fact]
    public async Task EnqueuedEmail_WithThePickupSender_BecomesOneEmlFileExactlyOnce()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var id = await EnqueueEmailAsync(app.Services, "someone@musashino.example");
        var file = Path.Combine(app.MailDirectory, $"{id:N}.eml");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(file) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(file), "the worker delivers the message to the pickup folder");
        await app.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var message = await LoadAsync(app.Services, id);
        Assert.Equal(OutboxStatus.Delivered, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Single(Directory.GetFiles(app.MailDirectory, $"{id:N}*"));
        Assert.Contains("someone@musashino.example", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
