using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Madoguchi.Cases.Cases;
using Madoguchi.Forms.Corrections;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Cases;

/// <summary>補正: two resubmits of the same link at the same moment on PostgreSQL make exactly one revision.</summary>
public sealed partial class CorrectionConcurrencyTests
{
    private static readonly string[] Copies = ["copies"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoResubmitsOfOneLinkAtOnce_MakeOneRevision()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        await TestForms.PublishAsync(app);
        using var staff = app.CreateBrowserLikeClient();
        var signIn = await Html.ParseAsync(await staff.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, signIn, "#sign-in-form", new Dictionary<string, string> { ["Email"] = "shimin@musashino.example", ["Password"] = DemoSeeder.DemoPassword })).StatusCode);

        for (var round = 0; round < 3; round++)
        {
            var receipt = $"round {round} {Guid.NewGuid():N}";
            var caseId = await OpenCaseAsync(app);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions", new { action = "accept" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions", new { action = "request-correction", fields = Copies, message = receipt }, Ct)).StatusCode);
            var mail = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
                (await db.OutboxMessages.Where(m => m.Type == EmailOutboxHandler.MessageType).ToListAsync(Ct)).Select(Outbox.Read<EmailMessage>).Single(m => m.TextBody.Contains(receipt, StringComparison.Ordinal)));
            var token = Link().Match(mail.TextBody).Groups[1].Value;

            // Two browsers with the link, posting at the same moment.
            var citizens = new[] { app.CreateBrowserLikeClient(), app.CreateBrowserLikeClient() };
            var pages = new List<AngleSharp.Dom.IDocument>();
            foreach (var citizen in citizens)
            {
                pages.Add(await Html.ParseAsync(await citizen.GetAsync(new Uri($"/correct/{token}", UriKind.Relative), Ct)));
            }

            using var gate = new SemaphoreSlim(0);
            var tasks = citizens.Select((c, i) => Task.Run(async () =>
            {
                await gate.WaitAsync(Ct);
                using var response = await Html.SubmitAsync(c, pages[i], "form[enctype='multipart/form-data']", new Dictionary<string, string> { ["copies"] = (3 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                return (response.StatusCode, Text: response.StatusCode == HttpStatusCode.Redirect ? "" : (await Html.ParseAsync(response)).Body!.TextContent);
            }, Ct)).ToList();
            gate.Release(2);
            var answers = await Task.WhenAll(tasks);

            // Each post gets the redirect of the one that was taken or, when the other had already finished, the page
            // saying the correction was received: never an error, never a second revision (checked below).
            Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Redirect || (a.StatusCode == HttpStatusCode.OK && a.Text.Contains("補正を受け付けました", StringComparison.Ordinal)), $"{a.StatusCode}: {a.Text}"));

            var (revisions, answered, status) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            {
                var submissionId = await db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.SubmissionId).SingleAsync(Ct);
                return (await db.Set<SubmissionRevision>().CountAsync(r => r.SubmissionId == submissionId, Ct),
                    await db.Set<CaseEvent>().CountAsync(e => e.CaseId == caseId && e.Action == "correction-answered", Ct),
                    await db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(Ct));
            });
            Assert.Equal(1, revisions);
            Assert.Equal(1, answered);
            Assert.Equal(CaseStatus.UnderReview, status);
            foreach (var citizen in citizens)
            {
                citizen.Dispose();
            }
        }
    }

    private static async Task<Guid> OpenCaseAsync(MadoguchiApp app)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            var received = Outbox.Read<Madoguchi.Forms.Contracts.SubmissionReceived>(await db.OutboxMessages.Where(m => m.Type == Madoguchi.Forms.Contracts.SubmissionReceived.Type).OrderByDescending(m => m.CreatedAt).FirstAsync(Ct));
            var opened = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Madoguchi.Cases.Intake.SubmissionIntakeHandler>(services).OpenAsync(received, Ct);
            return opened.Id;
        });
    }

    [GeneratedRegex(@"/correct/([A-Za-z0-9_\-]{20,100})")]
    private static partial Regex Link();
}
