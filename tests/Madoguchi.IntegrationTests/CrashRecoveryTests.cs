using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Madoguchi.IntegrationTests.Support;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using OutboxService = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.IntegrationTests;

/// <summary>
/// "Killing the app between commit and delivery still delivers the email after restart", for a real
/// HTTP request: creating an API key commits the key and an email to each system administrator together.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] ReadScope = ["organization:read"];

    [Fact]
    public async Task KillAfterCreatingApiKey_EmailToSystemAdminIsDeliveredAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await CrashScenario.RunAsync(async (app, connectionString) =>
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CrashScenario.DemoKey);
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/api-keys", UriKind.Relative),
                new { name = "crash-test", scopes = ReadScope }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/api-keys answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            await using var db = Db.Open(connectionString);
            Assert.True(await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Name == "crash-test", ct), "The API key was not committed.");
        }, ct);
    }
}

/// <summary>The same crash with the email committed straight through the database: proves the process harness on its own.</summary>
public sealed class CrashRecoveryHarnessTests
{
    [Fact]
    public async Task KillAfterCommittingEmailThroughDatabase_EmailIsDeliveredAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await CrashScenario.RunAsync(async (_, connectionString) =>
        {
            await using var lookup = Db.Open(connectionString);
            var musashino = await lookup.Organizations.AsNoTracking().SingleAsync(o => o.Code == DemoSeeder.OrganizationCode, ct);
            await using var db = Db.Open(connectionString, musashino);
            new OutboxService(db, TimeProvider.System).Enqueue(EmailOutboxHandler.MessageType,
                new EmailMessage(CrashScenario.SystemAdmin, "APIキーが作成されました", "crash-test"));
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}

/// <summary>
/// The real app as an OS process on PostgreSQL, killed outright after a commit whose email is still in
/// the outbox. The first run keeps its worker off (Outbox:Enabled=false) to hold that window open.
/// </summary>
internal static class CrashScenario
{
    public const string DemoKey = "mdg_crash_test_demo_key_0123456789abcdefghij";
    public const string SystemAdmin = "admin@musashino.example";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3); // a cold start applies every migration; generous for a busy 2-core machine
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Start (worker off) → <paramref name="commit"/> → kill → nothing sent, row pending → restart (worker on) → one email.</summary>
    public static async Task RunAsync(Func<AppProcess, string, Task> commit, CancellationToken ct)
    {
        await using var database = await TestDatabase.PostgresAsync();
        var mail = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "crash-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await AppProcess.StartAsync(Environment(database.ConnectionString, mail, outbox: false), StartTimeout, ct))
            {
                await commit(first, database.ConnectionString);
                await first.KillAsync();
                Assert.True(first.HasExited);
            }

            Assert.Empty(EmailFiles(mail));
            var pending = await EmailsToAdminAsync(database.ConnectionString, ct);
            var message = Assert.Single(pending);
            Assert.Equal(OutboxStatus.Pending, message.Status);

            await using var second = await AppProcess.StartAsync(Environment(database.ConnectionString, mail, outbox: true), StartTimeout, ct);
            var deadline = DateTime.UtcNow + DeliveryTimeout;
            while (EmailFiles(mail).Length == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }

            var file = Assert.Single(EmailFiles(mail));
            Assert.Equal($"{message.Id:N}.eml", Path.GetFileName(file));
            Assert.Contains(SystemAdmin, await File.ReadAllTextAsync(file, ct), StringComparison.Ordinal);
            // The file is written before the worker records the delivery: wait for that too.
            var recorded = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            OutboxStatus status;
            while ((status = Assert.Single(await EmailsToAdminAsync(database.ConnectionString, ct)).Status) != OutboxStatus.Delivered && DateTime.UtcNow < recorded)
            {
                await Task.Delay(100, ct);
            }

            Assert.Equal(OutboxStatus.Delivered, status);
            await second.KillAsync();
            Assert.Single(EmailFiles(mail));
        }
        finally
        {
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Environment(string connectionString, string mail, bool outbox) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Madoguchi"] = connectionString,
        ["Seed__Demo"] = "true",
        ["Demo__ApiKey"] = DemoKey,
        ["Email__PickupDirectory"] = mail,
        ["Outbox__Enabled"] = outbox ? "true" : "false",
        ["Outbox__PollIntervalSeconds"] = "0.2",
    };

    private static string[] EmailFiles(string mail) =>
        Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml") : [];

    private static async Task<List<OutboxMessage>> EmailsToAdminAsync(string connectionString, CancellationToken ct)
    {
        await using var db = Db.Open(connectionString);
        var emails = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Type == EmailOutboxHandler.MessageType).ToListAsync(ct);
        return [.. emails.Where(m => OutboxService.Read<EmailMessage>(m).To == SystemAdmin)];
    }
}
