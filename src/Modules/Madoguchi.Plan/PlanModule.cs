using Madoguchi.Plan.Api;
using Madoguchi.Plan.DemoContent;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Plan;

/// <summary>The DX plan module: plan tree, priority goals, previous plan, yearly reports, evaluation, council report.</summary>
public static class PlanModule
{
    public static IHostApplicationBuilder AddPlanModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(PlanModule).Assembly));
        builder.Services.AddScoped<IDemoContent, PlanDemoContent>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlanModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPlanApi();
        app.MapPlanAssets();
        return app;
    }
}
