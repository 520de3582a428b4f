using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Intake;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Calendar;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Cases;

/// <summary>Cases over real HTTP on SQLite: intake from a submission, checks, the transition table, approval, isolation, audit.</summary>
public sealed class CasesApiTests
{
    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Fact]
    public async Task ASubmission_BecomesACase_InTheDepartmentInbox_AndGoesThroughItsRoute()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var receipt = await SubmitAsync(app);
        using var shimin = await StaffSignIn.SignedInClientAsync(app, Shimin);
        using var kacho = await StaffSignIn.SignedInClientAsync(app, ShiminKacho);

        var summary = await WaitForCaseAsync(shimin, receipt);
        var id = summary["id"]!.GetValue<string>();
        Assert.Equal("received", summary["status"]!.GetValue<string>());
        // 標準処理期間 of 住民票の写し is 5 business days from the day of submission (JST).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        Assert.Equal(BusinessDays.AddBusinessDays(today, 5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary["dueDate"]!.GetValue<string>());

        var detail = await DetailAsync(shimin, id);
        Assert.Equal(["age", "duplicate", "amount"], detail["checks"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));
        Assert.All(detail["checks"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>()));
        Assert.Equal("武蔵野", detail["answers"]!["applicantName"]!["family"]!.GetValue<string>());
        Assert.Equal(["accept", "withdraw-application"], Strings(detail["allowedActions"]));

        // Not in the table: 409 with the allowed actions, and nothing changes.
        using (var refused = await ActAsync(shimin, id, "complete"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await JsonAsync(refused);
            Assert.Equal(["accept", "withdraw-application"], Strings(problem["allowedActions"]));
            Assert.Contains("Allowed", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal("received", (await DetailAsync(shimin, id))["case"]!["status"]!.GetValue<string>());

        using (var accepted = await ActAsync(shimin, id, "accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var body = await JsonAsync(accepted);
            Assert.Equal("under-review", body["case"]!["status"]!.GetValue<string>());
            Assert.Equal("市民 太郎", body["case"]!["assignee"]!.GetValue<string>()); // assigned to whoever accepted
        }

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(shimin, id, "submit-for-approval", "交付して差し支えないと考えます")).StatusCode);

        // A clerk without the approver role may not approve: 403, nothing changes.
        using (var clerk = await ActAsync(shimin, id, "approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        }

        using (var approved = await ActAsync(kacho, id, "approve", "承認します"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var route = (await JsonAsync(approved))["route"]!;
            Assert.True(route["approved"]!.GetValue<bool>());
            var seal = route["decisions"]!.AsArray().Single()!;
            Assert.Equal("市民 課長", seal["name"]!.GetValue<string>());
            Assert.Equal("課長", seal["title"]!.GetValue<string>());
            Assert.Equal("approved", seal["kind"]!.GetValue<string>());
        }

        using (var completed = await ActAsync(shimin, id, "complete"))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
            var body = await JsonAsync(completed);
            Assert.Equal("completed", body["case"]!["status"]!.GetValue<string>());
            Assert.Empty(body["allowedActions"]!.AsArray());
            Assert.Equal(["open", "accept", "submit-for-approval", "approve", "complete"], body["history"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        }

        var audit = await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains("case.personal_data_read", audit);
        Assert.Contains("case.accept", audit);
        Assert.Contains("case.approve", audit);
        Assert.Contains("case.complete", audit);
    }

    [Fact]
    public async Task OtherDepartments_DoNotSeeTheCase_AndItPolicySeesStatisticsOnly()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var receipt = await SubmitAsync(app);
        using var shimin = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var id = (await WaitForCaseAsync(shimin, receipt))["id"]!.GetValue<string>();
        using var kodomo = await StaffSignIn.SignedInClientAsync(app, Kodomo);
        using var itPolicy = await StaffSignIn.SignedInClientAsync(app, ItPolicy);

        foreach (var other in new[] { kodomo, itPolicy })
        {
            var page = await other.GetFromJsonAsync<JsonObject>("/api/v1/cases", Ct);
            Assert.Equal(0, page!["total"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(other, id, "accept")).StatusCode);
        }

        var statistics = await itPolicy.GetFromJsonAsync<JsonArray>("/api/v1/cases/statistics", Ct);
        Assert.NotNull(statistics);
        Assert.Equal(1, statistics.Sum(r => r!["count"]!.GetValue<int>()));
        Assert.DoesNotContain(receipt, statistics!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await shimin.GetAsync(new Uri("/api/v1/cases/statistics", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal("received", (await DetailAsync(shimin, id))["case"]!["status"]!.GetValue<string>());

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/cases", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Intake_IsIdempotent_AndTheSecondApplicationOfTheSamePersonIsFlaggedAsADuplicate()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var first = await SubmitAsync(app);
        var second = await SubmitAsync(app);
        using var shimin = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var firstCase = await WaitForCaseAsync(shimin, first);
        var secondCase = await WaitForCaseAsync(shimin, second);

        // Redelivery of the same message (the handler again, and a copy of the message through the outbox) opens nothing new.
        await app.InOrganizationAsync("MSN", async (db, services) =>
        {
            var message = await db.OutboxMessages.Where(m => m.Type == SubmissionReceived.Type).OrderBy(m => m.CreatedAt).FirstAsync();
            var handler = services.GetRequiredService<SubmissionIntakeHandler>();
            await handler.HandleAsync(message, Ct);
            db.OutboxMessages.Add(new Madoguchi.Platform.Outbox.OutboxMessage
            {
                Id = Guid.NewGuid(),
                OrganizationId = message.OrganizationId,
                Type = message.Type,
                Payload = message.Payload,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return message.Id;
        });
        for (var i = 0; i < 50 && await app.InOrganizationAsync("MSN", (db, _) => db.OutboxMessages.AnyAsync(m => m.Status == Madoguchi.Platform.Outbox.OutboxStatus.Pending)); i++)
        {
            await Task.Delay(200, Ct);
        }

        Assert.Equal(2, await app.InOrganizationAsync("MSN", (db, _) => db.Set<Case>().CountAsync()));
        Assert.False(await app.InOrganizationAsync("MSN", (db, _) => db.OutboxMessages.AnyAsync(m => m.Status == Madoguchi.Platform.Outbox.OutboxStatus.DeadLetter)));

        var checks = (await DetailAsync(shimin, secondCase["id"]!.GetValue<string>()))["checks"]!.AsArray();
        var duplicate = checks.Single(c => c!["kind"]!.GetValue<string>() == "duplicate")!;
        Assert.False(duplicate["passed"]!.GetValue<bool>());
        Assert.Contains("処理中", duplicate["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await DetailAsync(shimin, firstCase["id"]!.GetValue<string>()))["checks"]!.AsArray()
            .Single(c => c!["kind"]!.GetValue<string>() == "duplicate")!["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AStaleVersion_Gets412_AndAnApiKeyMayReviewButNotApprove()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var receipt = await SubmitAsync(app);
        using var api = app.CreateApiClient();
        var summary = await WaitForCaseAsync(api, receipt);
        var id = summary["id"]!.GetValue<string>();
        var version = summary["version"]!.GetValue<int>();

        using (var stale = await ActAsync(api, id, "accept", version: version - 1))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal(version, (await JsonAsync(stale))["version"]!.GetValue<int>());
        }

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "accept", version: version)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit-for-approval")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(api, id, "approve")).StatusCode);
        using var unknown = await ActAsync(api, id, "approve-everything");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var detail = await DetailAsync(api, id);
        Assert.Equal("in-approval", detail["case"]!["status"]!.GetValue<string>());
        Assert.Equal(version + 2, detail["case"]!["version"]!.GetValue<int>());
    }
}
