using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Madoguchi.Tests.ApiKeys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Tenancy;

public sealed partial class TenantIsolationTests
{
    private const string OtherCode = "TST";
    private const string OtherHost = "tst.localhost";

    /// <summary>A second organisation beside Musashino, with a department, a system admin, an API key and audit rows.</summary>
    private static async Task<string> AddSecondOrganizationAsync(MadoguchiApp app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            db.Organizations.Add(new Organization
            {
                Id = Guid.NewGuid(),
                Code = OtherCode,
                NameJa = "試験市",
                NameEn = "Test City",
                HostNames = OtherHost,
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        TenantResolutionMiddleware.Invalidate(app.Services.GetRequiredService<IMemoryCache>());
        return await app.InOrganizationAsync(OtherCode, async (db, services) =>
        {
            var department = new Department { Id = Guid.NewGuid(), Code = "soumu", NameJa = "試験係", NameEn = "Trial Section", Level = DepartmentLevel.Division };
            db.Departments.Add(department);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = "admin@tst.example",
                Email = "admin@tst.example",
                DisplayName = "試験 管理者",
                OrganizationId = db.CurrentOrganizationId,
                Departments = [new DepartmentMembership { DepartmentId = department.Id }],
            };
            Assert.True((await users.CreateAsync(user, "Test-City-Password-1")).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [StaffRoles.SystemAdmin, StaffRoles.Staff])).Succeeded);
            var issued = await services.GetRequiredService<ApiKeyIssuer>()
                .IssueAsync("試験市の連携", ApiScopes.All, "test", null, TestContext.Current.CancellationToken);
            return issued.Secret;
        });
    }

    private static HttpClient ClientOn(MadoguchiApp app, string host, string? apiKey)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Everything that identifies Musashino's rows: ids, names, user names, hashes.</summary>
    private static Task<List<string>> MusashinoMarkersAsync(MadoguchiApp app) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var ct = TestContext.Current.CancellationToken;
            var markers = new List<string> { DemoSeeder.OrganizationId.ToString(), "武蔵野", "Musashino", "musashino" };
            markers.AddRange((await db.Departments.ToListAsync(ct)).SelectMany(d => new[] { d.Id.ToString(), d.NameJa, d.NameEn }));
            markers.AddRange((await db.Users.ToListAsync(ct)).SelectMany(u => new[] { u.Id.ToString(), u.UserName!, u.DisplayName }));
            markers.AddRange((await db.ApiKeys.ToListAsync(ct)).SelectMany(k => new[] { k.Id.ToString(), k.Name, k.Prefix }));
            markers.AddRange((await db.AuditEntries.ToListAsync(ct)).Select(e => e.Hash));
            markers.AddRange((await db.OutboxMessages.ToListAsync(ct)).Select(m => m.Id.ToString()));
            return markers;
        });

    /// <summary>Every GET endpoint of the API, read from the app's routing, so new endpoints are covered automatically.</summary>
    private static List<string> ApiGetRoutes(MadoguchiApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task EveryApiGetEndpoint_OnAnotherOrganizationsHost_ShowsNoneOfMusashinosData()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var otherKey = await AddSecondOrganizationAsync(app);
        var markers = await MusashinoMarkersAsync(app);
        var routes = ApiGetRoutes(app);
        Assert.Superset(new HashSet<string>(["/api/v1/organization", "/api/v1/departments", "/api/v1/staff", "/api/v1/api-keys", "/api/v1/audit/verify", "/api/v1/audit/entries", "/api/v1/outbox/dead-letters"]), routes.ToHashSet());

        using var other = ClientOn(app, OtherHost, otherKey);
        using var musashinoKeyOnOtherHost = ClientOn(app, OtherHost, MadoguchiApp.DemoApiKey);
        var musashinoId = DemoSeeder.OrganizationId.ToString();
        foreach (var route in routes)
        {
            var path = RouteParameter().Replace(route, musashinoId); // a Musashino id where the route takes one
            var response = await ApiJson.GetAsync(other, path);
            // 403: an endpoint for signed-in staff only (e.g. case statistics) refuses any key; 400: a required query
            // parameter is missing (e.g. the reconciliation date). Either way the body is still checked below.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var marker in markers)
            {
                Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{path} leaked Musashino's '{marker}': {body}");
            }

            await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(musashinoKeyOnOtherHost, path), 401);
        }

        // And the other way round: the test city's own data is what its key sees.
        var organization = await ApiJson.ReadAsync(await ApiJson.GetAsync(other, "/api/v1/organization"));
        Assert.Equal(OtherCode, organization.GetProperty("code").GetString());
        var staff = await ApiJson.ReadAsync(await ApiJson.GetAsync(other, "/api/v1/staff"));
        Assert.Equal("admin@tst.example", Assert.Single(staff.EnumerateArray()).GetProperty("userName").GetString());
        using var otherKeyOnMusashino = ClientOn(app, "musashino.localhost", otherKey);
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(otherKeyOnMusashino, "/api/v1/organization"), 401);
    }

    [Fact]
    public async Task UnknownHost_WithSeveralOrganizations_Is404Page_AndProblemUnderApi()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await AddSecondOrganizationAsync(app);
        using var client = ClientOn(app, "unknown.localhost", MadoguchiApp.DemoApiKey);

        var page = await ApiJson.GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("この住所の自治体は見つかりません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("武蔵野", html, StringComparison.Ordinal);
        Assert.DoesNotContain("試験市", html, StringComparison.Ordinal);

        var api = await ApiJson.GetAsync(client, "/api/v1/organization");
        var problem = await ApiJson.AssertProblemAsync(api, 404);
        Assert.DoesNotContain("Musashino", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTenantOwnedEntity_QueriedForOneOrganization_ReturnsNoRowOfAnother()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await AddSecondOrganizationAsync(app);
        var check = typeof(TenantIsolationTests).GetMethod(nameof(CountRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

        var checkedTypes = await app.InOrganizationAsync(OtherCode, async (db, _) =>
        {
            var types = db.Model.GetEntityTypes()
                .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned() && t.BaseType is null)
                .Select(t => t.ClrType)
                .ToList();
            var musashinoRowsSeen = 0;
            foreach (var type in types)
            {
                var (foreign, visible, musashinoTotal) = await (Task<(int, int, int)>)check.MakeGenericMethod(type).Invoke(null, [db])!;
                Assert.True(foreign == 0, $"{type.Name}: {foreign} rows of another organisation visible");
                Assert.True(visible >= 0);
                musashinoRowsSeen += musashinoTotal;
            }

            Assert.True(musashinoRowsSeen > 0, "Musashino has rows, so the check means something");
            return types.Select(t => t.Name).ToList();
        });

        Assert.Superset(new HashSet<string>(["ApiKey", "AuditEntry", "Department", "DepartmentMembership", "OutboxMessage", "StaffUser"]), checkedTypes.ToHashSet());
    }

    private static async Task<(int Foreign, int Visible, int Musashino)> CountRowsAsync<T>(MadoguchiDb db)
        where T : class, ITenantOwned
    {
        var ct = TestContext.Current.CancellationToken;
        var current = db.CurrentOrganizationId;
        var visible = await db.Set<T>().AsNoTracking().Select(e => e.OrganizationId).ToListAsync(ct);
        var musashino = await db.Set<T>().IgnoreQueryFilters().CountAsync(e => e.OrganizationId == DemoSeeder.OrganizationId, ct);
        return (visible.Count(id => id != current), visible.Count, musashino);
    }
}
