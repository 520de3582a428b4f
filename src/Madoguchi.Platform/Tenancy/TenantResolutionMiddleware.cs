using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Madoguchi.Platform.Tenancy;

/// <summary>
/// Resolves the organisation from the request's host name. With a single organisation it answers on
/// any host name and port, so <c>localhost</c> just works. With several, an unknown host gets a 404
/// and never another tenant's data.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IMemoryCache cache)
{
    /// <summary>Paths that work without an organisation (health, metrics, static assets).</summary>
    private static readonly string[] TenantFreePrefixes = ["/healthz", "/metrics", "/css/", "/js/", "/lib/", "/favicon", "/openapi/", "/api/reference", "/scalar"];

    public async Task InvokeAsync(HttpContext context, MadoguchiDb db, TenantContext tenant)
    {
        var path = context.Request.Path.Value ?? "/";
        if (TenantFreePrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var organizations = await OrganizationCache.AllAsync(cache, db, context.RequestAborted);
        var organization = Resolve(organizations, context.Request.Host.Host);
        if (organization is null)
        {
            await WriteUnknownHostAsync(context);
            return;
        }

        tenant.Set(organization);
        await next(context);
    }

    private static async Task WriteUnknownHostAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new
            {
                type = "https://madoguchi.example/problems/unknown-organization",
                title = "この住所の自治体は見つかりません / No municipality answers at this address",
                status = 404,
                detail = "URL のホスト名を確かめてください。 Check the host name in the URL.",
            }, options: null, contentType: "application/problem+json; charset=utf-8", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(UnknownHostPage, context.RequestAborted);
    }

    private const string UnknownHostPage = """
        <!DOCTYPE html>
        <html lang="ja">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ページが見つかりません - Madoguchi</title>
        <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}</style></head>
        <body><main>
        <h1>この住所の自治体は見つかりません</h1>
        <p>入力した URL のホスト名（ドメイン）に対応する自治体がありません。URL をお確かめのうえ、お住まいの市区町村のページから開き直してください。</p>
        <h2 lang="en">No municipality answers at this address</h2>
        <p lang="en">The host name in the URL does not belong to any municipality served here. Check the URL, or open the service from your municipality's website.</p>
        </main></body></html>
        """;

    public static Organization? Resolve(IReadOnlyList<Organization> organizations, string host)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        return organizations.Count == 1
            ? organizations[0]
            : organizations.FirstOrDefault(o => o.AnswersOn(host));
    }

    public static void Invalidate(IMemoryCache cache) => OrganizationCache.Invalidate(cache);
}
