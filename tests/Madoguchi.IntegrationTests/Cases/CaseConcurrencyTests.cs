using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Intake;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.IntegrationTests.Cases;

/// <summary>
/// Optimistic concurrency on PostgreSQL with real parallel HTTP requests: two staff acting on one case
/// at once, exactly one wins and the other gets 409, nothing is lost; one intake message delivered
/// twice at the same moment opens one case.
/// </summary>
public sealed class CaseConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignInAsync(MadoguchiApp app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<SubmissionReceived> SubmitAsync(MadoguchiApp app)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            Outbox.Read<SubmissionReceived>(await db.OutboxMessages.Where(m => m.Type == SubmissionReceived.Type).OrderByDescending(m => m.CreatedAt).FirstAsync(Ct)));
    }

    private static Task<Case> OpenAsync(MadoguchiApp app, SubmissionReceived received) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (_, services) => services.GetRequiredService<SubmissionIntakeHandler>().OpenAsync(received, Ct));

    [Fact]
    public async Task TwoStaffActingAtOnce_OneWins_TheOtherGets409_AndNothingIsLost()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        await TestForms.PublishAsync(app);
        using var shimin = await SignInAsync(app, "shimin@musashino.example");
        using var kacho = await SignInAsync(app, "shimin-kacho@musashino.example");

        for (var round = 0; round < 5; round++)
        {
            var @case = await OpenAsync(app, await SubmitAsync(app));
            using var gate = new SemaphoreSlim(0);
            var tasks = new[] { (shimin, "受付します（担当）"), (kacho, "受付します（課長）") }.Select(t => Task.Run(async () =>
            {
                await gate.WaitAsync(Ct);
                using var response = await t.Item1.PostAsJsonAsync($"/api/v1/cases/{@case.Id}/actions", new { action = "accept", comment = t.Item2 }, Ct);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
            }, Ct)).ToList();
            gate.Release(2);
            var results = await Task.WhenAll(tasks);

            Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(results, r => r.StatusCode != HttpStatusCode.OK);
            Assert.True(loser.StatusCode == HttpStatusCode.Conflict, $"{(int)loser.StatusCode}: {loser.Body}");
            Assert.Contains("allowedActions", loser.Body, StringComparison.Ordinal);

            var (status, version, accepts) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            {
                var saved = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == @case.Id, Ct);
                return (saved.Status, saved.Version, await db.Set<CaseEvent>().CountAsync(e => e.CaseId == @case.Id && e.Action == "accept", Ct));
            });
            Assert.Equal(CaseStatus.UnderReview, status);
            Assert.Equal(2, version);
            Assert.Equal(1, accepts); // the winner's change and its history line, and no half of the loser's
        }

        Assert.True(await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            (await Madoguchi.Platform.Audit.AuditVerifier.VerifyAsync(db, DemoSeeder.OrganizationId, Ct)).IsIntact));
    }

    [Fact]
    public async Task OneIntakeMessage_DeliveredTwiceAtOnce_OpensOneCase()
    {
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        await TestForms.PublishAsync(app);
        for (var round = 0; round < 5; round++)
        {
            var received = await SubmitAsync(app);
            var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync(app, received), Ct)));
            Assert.Single(opened.Select(c => c.Id).Distinct());
            Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Case>().CountAsync(c => c.SubmissionId == received.SubmissionId, Ct)));
        }
    }

    [Fact]
    public async Task SubmissionsOpenedInOneBatch_GetOneCaseEach_AndTheSamePersonsLaterApplicationsAreFlagged()
    {
        // The worker opens cases several to a transaction (the intake only writes this database). Each submission
        // still gets exactly one case, a redelivered message none, and the duplicate check sees the cases opened
        // earlier in the same batch: of eight applications by one person, exactly one passes it.
        const int count = 8;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:DeliveryBatchSize"] = "10",
            ["Bookings:MaintenanceEnabled"] = "false",
        });
        await TestForms.PublishAsync(app);
        var received = new List<SubmissionReceived>();
        for (var i = 0; i < count; i++)
        {
            received.Add(await SubmitAsync(app));
        }

        var worker = ActivatorUtilities.CreateInstance<OutboxWorker>(app.Services);
        while (await worker.RunOnceAsync(Ct) > 0)
        {
        }

        // One intake message comes again, as after a crash between opening the case and marking the message.
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            services.GetRequiredService<Outbox>().Enqueue(SubmissionReceived.Type, received[3]);
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        while (await worker.RunOnceAsync(Ct) > 0)
        {
        }

        var (cases, duplicateChecks, undelivered) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => (
            await db.Set<Case>().AsNoTracking().Select(c => c.SubmissionId).ToListAsync(Ct),
            await db.Set<CaseCheckResult>().AsNoTracking().Where(r => r.Kind == "duplicate").Select(r => r.Passed).ToListAsync(Ct),
            await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Delivered, Ct)));
        Assert.Equal(received.Select(r => r.SubmissionId).Order(), cases.Order());
        Assert.Equal(count, duplicateChecks.Count);
        Assert.Single(duplicateChecks, passed => passed);
        Assert.Equal(0, undelivered);
    }
}
