using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Madoguchi.Plan.Progress;

/// <summary>Serves the module's stylesheet (embedded in the assembly), so it works in every environment under the site's CSP.</summary>
internal static class PlanAssets
{
    public const string StylesheetPath = "/plan/assets/plan.css";

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(PlanAssets).Assembly.GetManifestResourceStream("Madoguchi.Plan.Assets.plan.css")
            ?? throw new InvalidOperationException("plan.css is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    });

    public static IEndpointRouteBuilder MapPlanAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
