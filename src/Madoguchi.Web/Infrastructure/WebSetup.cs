using System.Globalization;
using System.Threading.RateLimiting;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;

namespace Madoguchi.Web.Infrastructure;

/// <summary>Services of the web host: pages, localization, authentication, OpenAPI, health, metrics, rate limits.</summary>
public static class WebSetup
{
    public const string SignInRateLimit = Madoguchi.Platform.Http.RateLimitPolicies.SignIn;
    public const string PublicApiRateLimit = Madoguchi.Platform.Http.RateLimitPolicies.PublicApi;
    public static readonly CultureInfo[] Cultures = [new("ja-JP"), new("en")];

    public static WebApplicationBuilder AddMadoguchiWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Japanese text is written as text, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
                options.Conventions.AllowAnonymousToPage("/Staff/SignIn");
                options.Conventions.AllowAnonymousToPage("/Staff/TwoFactor");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "Smart";
                options.DefaultChallengeScheme = "Smart";
            })
            .AddPolicyScheme("Smart", "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/staff/sign-in";
                o.LogoutPath = "/staff/sign-out";
                o.AccessDeniedPath = "/staff/access-denied";
                o.Cookie.Name = Admission.StaffCookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // A session belongs to one organisation: the cookie of Musashino's staff is worthless on another city's
                // host (the staff query is filtered by the host's organisation, so a stranger's user id is not found).
                o.Events.OnValidatePrincipal = async context =>
                {
                    // Identity's own check first (a changed security stamp signs every session out).
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                    if (context.Principal is null)
                    {
                        return;
                    }

                    var tenant = context.HttpContext.RequestServices.GetRequiredService<Madoguchi.Platform.Tenancy.TenantContext>();
                    var db = context.HttpContext.RequestServices.GetRequiredService<MadoguchiDb>();
                    var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                    if (!tenant.IsResolved || !Guid.TryParse(id, out var userId)
                        || !await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                    }
                };
            }));
        services.AddAuthorization(StaffPolicies.Configure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "madoguchi.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemText.Apply);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Madoguchi API";
                document.Info.Description = "API of Madoguchi (窓口), the city-hall services platform. Authenticate with `Authorization: Bearer <API key>`.";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(IdempotencyOpenApi.AddHeader);
        });

        services.AddHealthChecks().AddDbContextCheck<MadoguchiDb>("database");
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentationIfAvailable()
                .AddMeter(MadoguchiMetrics.MeterName)
                .AddPrometheusExporter());

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var signIn = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 10);
            var publicApi = builder.Configuration.GetValue("RateLimits:PublicApiPerMinute", 300);
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(PublicApiRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = publicApi, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Citizens' form posts on public pages (申請の各ページ, 予約, 意見の送信): the API has its policy above; the
            // pages had none, so a script could post drafts, holds and opinions without bound (issue 8, security tests).
            // Then admission control (ADR 0041): a client over its own limit never takes one of the service's places.
            var publicPosts = builder.Configuration.GetValue("RateLimits:PublicPostsPerMinute", 120);
            var perClientPosts = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/staff")
                    ? RateLimitPartition.GetFixedWindowLimiter("posts:" + ClientKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPosts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            var admission = builder.Configuration.GetSection("Admission").Get<AdmissionOptions>() ?? new AdmissionOptions();
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClientPosts, Admission.CreateGlobalLimiter(admission));
            options.OnRejected = Admission.OnRejectedAsync;
        });

        services.AddSingleton<MadoguchiMetrics>();
        return builder;
    }

    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");
}
