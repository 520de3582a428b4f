using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.ApiKeys;

/// <summary>
/// Signs a demo staff member in for page tests without the sign-in pages (built on another branch):
/// a test-only endpoint issues the same Identity cookie that the real sign-in issues.
/// Once <c>/staff/sign-in</c> is merged, tests can sign in through it instead.
/// </summary>
internal static class AdminSignIn
{
    private const string Path = "/__test/sign-in";

    public static WebApplicationFactory<Program> WithTestSignIn(this MadoguchiApp app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, SignInFilter>()));

    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.GetAsync(new Uri($"{Path}?user={Uri.EscapeDataString(userName)}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    private sealed class SignInFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: it would move the path base, and the cookie's path with it.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != Path)
                {
                    await nextMiddleware(context);
                    return;
                }

                var services = context.RequestServices;
                var db = services.GetRequiredService<MadoguchiDb>();
                services.GetRequiredService<TenantContext>().Set(await db.Organizations.SingleAsync(o => o.Code == DemoSeeder.OrganizationCode));
                var user = await services.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(context.Request.Query["user"].ToString())
                    ?? throw new InvalidOperationException("No such demo user.");
                await services.GetRequiredService<SignInManager<StaffUser>>().SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
