using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Madoguchi.PublicComments.Processing;

/// <summary>Serves the module's stylesheet and its one small script (embedded), under the site's CSP.</summary>
internal static class Assets
{
    public const string StylesheetPath = "/public-comments/assets/public-comments.css";
    public const string ScriptPath = "/public-comments/assets/public-comments.js";

    private static byte[] Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Madoguchi.PublicComments.Assets." + name)
            ?? throw new InvalidOperationException(name + " is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static readonly Lazy<byte[]> Stylesheet = new(() => Read("public-comments.css"));
    private static readonly Lazy<byte[]> Script = new(() => Read("public-comments.js"));

    public static IEndpointRouteBuilder MapPublicCommentsAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
