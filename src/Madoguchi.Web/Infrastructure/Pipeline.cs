using Madoguchi.Platform.Idempotency;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Localization;
using Madoguchi.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Madoguchi.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseMadoguchiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The API answers every error with RFC 9457 ProblemDetails; pages answer with a friendly page.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/status/{0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent only over HTTPS; a deployment terminates TLS in front of the app
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = DesignTokensFiles(app.Environment),
            RequestPath = "/lib/design-tokens",
        });
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRejectInvalidApiKeys();
        app.UseMfaEnforcement();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseIdempotencyKeys();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api/v1");

    public static WebApplication MapMadoguchiEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).DisableRateLimiting();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Madoguchi API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapRazorPages();
        app.MapMadoguchiApi();
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = WebSetup.Cultures.FirstOrDefault(c => c.Name.StartsWith(culture, StringComparison.OrdinalIgnoreCase)) ?? WebSetup.Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        if (app.Configuration.GetValue<bool>("Bench:Enabled"))
        {
            // The benchmark's HTTP baseline (bench/, ADR 0040): the whole middleware pipeline and nothing else. Off by default.
            app.MapGet("/bench/empty", () => Results.NoContent()).ExcludeFromDescription();
            // What the harness waits on between phases: the JIT still compiling (warm-up) and the outbox backlog (settle).
            app.MapGet("/bench/runtime", () => Results.Json(new
            {
                jitCompiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
                jitMilliseconds = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                gen2Collections = GC.CollectionCount(2),
            })).ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>The Digital Agency's design tokens, copied from npm next to the app by the build.</summary>
    private static IFileProvider DesignTokensFiles(IWebHostEnvironment environment)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "design-tokens");
        if (File.Exists(Path.Combine(beside, "tokens.css")))
        {
            return new PhysicalFileProvider(beside);
        }

        var source = Path.Combine(environment.ContentRootPath, "node_modules", "@digital-go-jp", "design-tokens", "dist");
        return Directory.Exists(source) ? new PhysicalFileProvider(source) : new NullFileProvider();
    }

    /// <summary>
    /// A request that presents a key must present a valid one, even to a public endpoint: a wrong,
    /// revoked or other city's key gets 401 rather than silently being treated as anonymous.
    /// </summary>
    private static IApplicationBuilder UseRejectInvalidApiKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync(Madoguchi.Platform.ApiKeys.ApiKeyAuthenticationHandler.SchemeName);
                return;
            }

            await next();
        });

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (!context.Request.Path.StartsWithSegments("/api/reference"))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            }

            await next();
        });
}
