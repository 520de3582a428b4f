using Madoguchi.Accounts.Accounts;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Accounts;

/// <summary>
/// The accounts module (住民アカウント, ADR 0011): optional citizen accounts signed in by a one-time email
/// link, with their own cookie scheme; the profile that prefills forms; the citizen's page of applications.
/// </summary>
public static class AccountsModule
{
    public static IHostApplicationBuilder AddAccountsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(new ModelAssembly(typeof(AccountsModule).Assembly));
        services.AddAuthentication().AddCookie(CitizenSession.Scheme, CitizenSession.Configure);
        services.AddScoped<CitizenSession>();
        services.AddScoped<ICitizenSession>(sp => sp.GetRequiredService<CitizenSession>());
        services.AddScoped<SignInLinks>();
        services.AddScoped<CitizenPasskeys>();
        CitizenOidc.Add(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapAccountsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
