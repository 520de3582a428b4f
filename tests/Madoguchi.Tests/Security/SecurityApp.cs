using System.Net;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Madoguchi.Tests.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Security;

/// <summary>Clients for the security tests: Musashino and a second organisation on their own hosts, staff and API keys.</summary>
internal static class SecurityApp
{
    public const string MusashinoHost = "musashino.localhost";
    public const string OtherCode = "SEC";
    public const string OtherHost = "sec.localhost";

    /// <summary>Staff of 子ども子育て支援課 (Child Support): "staff of another department" for 市民課's things.</summary>
    public const string OtherDepartmentStaff = "kodomo@musashino.example";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Cookies of the clients made here, so a test can replay a session cookie elsewhere.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Cookies = [];

    public static HttpClient Client(MadoguchiApp app, string host = MusashinoHost, string? apiKey = null, bool cookies = true)
    {
        var container = new CookieContainer();
        var client = cookies
            ? app.CreateDefaultClient(new Uri($"http://{host}"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(container))
            : app.CreateDefaultClient(new Uri($"http://{host}"));
        Cookies.Add(client, container);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    public static async Task<HttpClient> StaffAsync(MadoguchiApp app, string email)
    {
        var client = Client(app);
        var response = await StaffSession.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A second organisation with an admin and an API key holding every scope; returns the key.</summary>
    public static async Task<string> AddOtherOrganizationAsync(MadoguchiApp app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            db.Organizations.Add(new Organization { Id = Guid.NewGuid(), Code = OtherCode, NameJa = "検証市", NameEn = "Check City", HostNames = OtherHost, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        TenantResolutionMiddleware.Invalidate(app.Services.GetRequiredService<IMemoryCache>());
        return await app.InOrganizationAsync(OtherCode, async (db, services) =>
        {
            var issued = await services.GetRequiredService<ApiKeyIssuer>().IssueAsync("検証市の連携", ApiScopes.All, "test", null, Ct);
            return issued.Secret;
        });
    }

    /// <summary>A Musashino key with every scope but <paramref name="missing"/>.</summary>
    public static Task<string> KeyWithoutAsync(MadoguchiApp app, string missing) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (_, services) =>
            (await services.GetRequiredService<ApiKeyIssuer>().IssueAsync("without " + missing, [.. ApiScopes.All.Where(s => s != missing)], "test", null, Ct)).Secret);

    /// <summary>The Cookie header the client would send to Musashino.</summary>
    public static string CookieHeader(HttpClient client) =>
        Cookies.TryGetValue(client, out var container) ? container.GetCookieHeader(new Uri($"http://{MusashinoHost}")) : "";

    public static IEnumerable<RouteEndpoint> RouteEndpoints(MadoguchiApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText is not null);

    /// <summary>"GET /api/v1/staff", "PAGE /staff/forms/{slug}": how an endpoint is named in the rule table.</summary>
    public static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        var verb = methods is { Count: > 0 } ? string.Join(",", methods.Order(StringComparer.Ordinal)) : "PAGE";
        return $"{verb} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";
    }
}
