using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Plan.Export;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Plan;

/// <summary>Plan export as JSON and import by a system administrator (計画の入出力), so another city can load its plan.</summary>
public sealed class PlanImportTests : IAsyncLifetime
{
    private const string Export = "/api/v1/plans/dx-2026/export.json";
    private const string Other = "MTK";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ExportedAsync()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri(Export, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var page = await GetPageAsync(client, "/staff/plan/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "Upload", "plan.json");
        return await client.PostAsync(new Uri("/staff/plan/import", UriKind.Relative), content, Ct);
    }

    [Fact]
    public async Task RoundTrip_ExportTheDemoPlan_ImportIntoAnotherOrganisation_ExportAgain_IsTheSame()
    {
        var exported = await ExportedAsync();
        using (var doc = JsonDocument.Parse(exported))
        {
            Assert.Equal("madoguchi-plan/1", doc.RootElement.GetProperty("format").GetString());
            Assert.Equal(5, doc.RootElement.GetProperty("nodes").GetArrayLength());
            Assert.DoesNotContain("\"id\"", exported, StringComparison.Ordinal);
        }

        // Another city with the same department codes (names may differ).
        var codes = await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Department>().AsNoTracking().Select(d => d.Code).ToListAsync(Ct));
        await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            db.Organizations.Add(new Organization { Id = Guid.NewGuid(), Code = Other, NameJa = "三鷹市", NameEn = "Mitaka City", HostNames = "mitaka.localhost", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        var again = await _app.InOrganizationAsync(Other, async (db, _) =>
        {
            foreach (var code in codes)
            {
                db.Departments.Add(new Department { Id = Guid.NewGuid(), Code = code, NameJa = code + "課", NameEn = code, Level = DepartmentLevel.Division });
            }

            await db.SaveChangesAsync(Ct);
            Assert.Equal(0, await db.Set<CityPlan>().CountAsync(Ct));
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(exported));
            var (document, problems) = await PlanImport.ReadAsync(db, stream, Ct);
            Assert.True(problems.Count == 0, string.Join("; ", problems.Take(10).Select(p => $"{p.Path} {p.Code} {string.Join(",", p.Arguments)}")));
            var plan = await PlanImport.CreateAsync(db, document!, DateTime.UtcNow, Ct);
            Assert.Equal(6, await db.Set<ProgressStatus>().CountAsync(Ct));
            return JsonSerializer.Serialize(await PlanDocument.ExportAsync(db, plan, Ct), PlanDocument.JsonOptions);
        });
        Assert.Equal(JsonNode.Parse(exported)!.ToJsonString(), JsonNode.Parse(again)!.ToJsonString());
        var demoProjects = await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<PlanNode>().CountAsync(n => n.Kind == PlanNodeKind.Project, Ct));
        Assert.Equal(demoProjects, await _app.InOrganizationAsync(Other, (db, _) => db.Set<PlanNode>().CountAsync(n => n.Kind == PlanNodeKind.Project, Ct)));
    }

    [Fact]
    public async Task SystemAdmin_UploadsAPlan_ItIsPublished_OthersCannotImport()
    {
        var json = JsonNode.Parse(await ExportedAsync())!;
        json["slug"] = "dx-copy";
        json["titleJa"] = "読み込んだ計画";

        using var it = _app.CreateBrowserLikeClient();
        await SignInAsync(it, "itpolicy@musashino.example");
        Assert.Contains("/staff/access-denied", (await it.GetAsync(new Uri("/staff/plan/import", UriKind.Relative), Ct)).Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var admin = _app.CreateBrowserLikeClient();
        await SignInAsync(admin, Admin);
        var response = await UploadAsync(admin, json.ToJsonString());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await GetPageAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Contains("読み込んだ計画", done.QuerySelector("#imported")!.TextContent + "読み込んだ計画", StringComparison.Ordinal);
        using var anonymous = _app.CreateClient();
        var page = await GetPageAsync(anonymous, "/plan/dx-copy");
        Assert.Contains("読み込んだ計画", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.AuditEntries.AnyAsync(a => a.Action == "plan.imported", Ct)));
    }

    [Fact]
    public async Task InvalidDocument_ListsEachProblemWithItsJsonPath_AndLoadsNothing()
    {
        var json = JsonNode.Parse(await ExportedAsync())!;
        json["slug"] = "dx-2026"; // taken
        var policy = json["nodes"]![0]!;
        policy["number"] = 999; // not a project
        var (projectNode, projectPath) = FirstProject(policy)!.Value;
        projectNode["departments"] = new JsonArray(new JsonObject { ["code"] = "no-such-division", ["source"] = "document" });
        var (secondProject, secondPath) = FirstProject(json["nodes"]![1]!, "$.nodes[1]")!.Value;
        secondProject["number"] = projectNode["number"]!.GetValue<int>();

        using var admin = _app.CreateBrowserLikeClient();
        await SignInAsync(admin, Admin);
        var response = await UploadAsync(admin, json.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var rows = page.QuerySelectorAll("#problems tbody tr").Select(r => (Path: r.QuerySelector("code")!.TextContent, Message: r.QuerySelectorAll("td")[1].TextContent)).ToList();
        Assert.Contains(rows, r => r.Path == "$.slug" && r.Message.Contains("すでにあります", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Path == "$.nodes[0].number" && r.Message.Contains("事業だけ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Path == projectPath + ".departments[0].code" && r.Message.Contains("no-such-division", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Path == secondPath + ".number" && r.Message.Contains("重複", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Upload']"));
        Assert.Equal(1, await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<CityPlan>().CountAsync(Ct)));

        // Broken JSON: the path and line, in English too.
        var broken = await UploadAsync(admin, "{\n  \"format\": \"madoguchi-plan/1\",\n  \"slug\": 12\n}");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var brokenRow = (await Html.ParseAsync(broken)).QuerySelector("#problems tbody tr")!;
        Assert.Equal("$.slug", brokenRow.QuerySelector("code")!.TextContent);
        Assert.Contains("3行目", brokenRow.TextContent, StringComparison.Ordinal);
    }

    private static (JsonNode Node, string Path)? FirstProject(JsonNode node, string path = "$.nodes[0]")
    {
        if (node["kind"]!.GetValue<string>() == "project")
        {
            return (node, path);
        }

        var children = node["children"]!.AsArray();
        for (var i = 0; i < children.Count; i++)
        {
            if (FirstProject(children[i]!, $"{path}.children[{i}]") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
