using Madoguchi.Platform.Audit;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Identity;

/// <summary>Least privilege per department: who sees which colleagues, and every look is audited.</summary>
public sealed class DirectoryTests
{
    [Fact]
    public async Task StaffMember_SeesOnlyTheirOwnDepartment()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await StaffSession.SignInAsync(client, StaffSession.Shimin);

        var page = await StaffSession.GetPageAsync(client, "/staff/directory");
        var emails = page.QuerySelectorAll("tbody td.mono").Select(td => td.TextContent).ToList();

        Assert.Contains("shimin@musashino.example", emails);
        Assert.Contains("shimin-kacho@musashino.example", emails);
        Assert.DoesNotContain("kodomo@musashino.example", emails);
        Assert.DoesNotContain("doro@musashino.example", emails);
        Assert.DoesNotContain("admin@musashino.example", emails);
    }

    [Fact]
    public async Task SystemAdmin_SeesEveryone_AndTheReadIsAudited()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await StaffSession.SignInAsync(client, StaffSession.Admin);

        var page = await StaffSession.GetPageAsync(client, "/staff/directory");
        var emails = page.QuerySelectorAll("tbody td.mono").Select(td => td.TextContent).ToList();
        Assert.Contains("kodomo@musashino.example", emails);
        Assert.Contains("doro@musashino.example", emails);

        var reads = await app.InOrganizationAsync("MSN", (db, _) =>
            db.Set<AuditEntry>().Where(e => e.Action == "staff.read").ToListAsync(TestContext.Current.CancellationToken));
        var read = Assert.Single(reads);
        Assert.StartsWith("user:", read.Actor, StringComparison.Ordinal);
        Assert.DoesNotContain("@", read.Details, StringComparison.Ordinal);
    }
}
