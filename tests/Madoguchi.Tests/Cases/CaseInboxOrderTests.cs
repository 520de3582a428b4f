using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Madoguchi.Cases.Cases;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Cases;

/// <summary>
/// 受付一覧's order on SQLite (ADR 0055): open cases by due date, so the overdue ones first, cases without a due
/// date after the dated open ones, then closed cases; the same in the API, on the page and across pages.
/// </summary>
public sealed class CaseInboxOrderTests
{
    [Fact]
    public async Task OpenCasesByDueDate_OverdueFirst_NoDueDateAfterThem_ClosedLast_OnEveryPage()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var now = DateTime.UtcNow;
        // (receipt, status, due in days from today or null); 60 of them so that the order runs over two pages.
        var seeded = new List<(string Receipt, CaseStatus Status, int? Due)>
        {
            ("ORDER-CLOSED-OVERDUE", CaseStatus.Completed, -20),
            ("ORDER-OPEN-NODUE", CaseStatus.UnderReview, null),
            ("ORDER-OVERDUE-10", CaseStatus.Received, -10),
            ("ORDER-REJECTED-SOON", CaseStatus.Rejected, 1),
            ("ORDER-DUE-SOON", CaseStatus.InApproval, 1),
            ("ORDER-OVERDUE-2", CaseStatus.AwaitingCorrection, -2),
        };
        seeded.AddRange(Enumerable.Range(0, 54).Select(i => ($"ORDER-FILL-{i:00}", CaseStatus.Received, (int?)(5 + i))));
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var department = await db.Departments.SingleAsync(d => d.Code == "citizen-services", Ct);
            foreach (var (receipt, status, due) in seeded)
            {
                db.Set<Case>().Add(new Case
                {
                    Id = Guid.NewGuid(),
                    SubmissionId = Guid.NewGuid(),
                    ProcedureSlug = "order-test",
                    DepartmentId = department.Id,
                    ReceiptNumber = receipt,
                    Status = status,
                    SubmittedAt = now,
                    OpenedAt = now,
                    UpdatedAt = now,
                    DueDate = due is { } d ? today.AddDays(d) : null,
                    Version = 1,
                });
            }

            return await db.SaveChangesAsync(Ct);
        });

        string[] expected = ["ORDER-OVERDUE-10", "ORDER-OVERDUE-2", "ORDER-DUE-SOON", .. Enumerable.Range(0, 54).Select(i => $"ORDER-FILL-{i:00}"),
            "ORDER-OPEN-NODUE", "ORDER-CLOSED-OVERDUE", "ORDER-REJECTED-SOON"];

        using var api = app.CreateApiClient();
        var first = (await api.GetFromJsonAsync<JsonObject>("/api/v1/cases?department=citizen-services&page=1", Ct))!;
        var second = (await api.GetFromJsonAsync<JsonObject>("/api/v1/cases?department=citizen-services&page=2", Ct))!;
        Assert.Equal(60, first["total"]!.GetValue<int>());
        var receipts = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["receiptNumber"]!.GetValue<string>()).ToArray();
        Assert.Equal(expected, receipts);
        Assert.True(first["items"]![0]!["overdue"]!.GetValue<bool>());
        Assert.False(second["items"]!.AsArray().Single(i => i!["receiptNumber"]!.GetValue<string>() == "ORDER-CLOSED-OVERDUE")!["overdue"]!.GetValue<bool>());

        // The staff page shows the same order (page 2 through the far-page path).
        using var shimin = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var page1 = await StaffSession.GetPageAsync(shimin, "/staff/cases");
        var page2 = await StaffSession.GetPageAsync(shimin, "/staff/cases?p=2");
        var shown = page1.QuerySelectorAll("tr[data-receipt]").Concat(page2.QuerySelectorAll("tr[data-receipt]"))
            .Select(row => row.GetAttribute("data-receipt")!).ToArray();
        Assert.Equal(expected, shown);
    }
}
