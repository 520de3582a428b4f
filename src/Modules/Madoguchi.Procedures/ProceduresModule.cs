using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Procedures.Api;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.Contracts;
using Madoguchi.Procedures.DemoContent;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Procedures;

/// <summary>The procedures module: catalog (手続き), procedure guide pages, life-event navigator, search.</summary>
public static class ProceduresModule
{
    public static IHostApplicationBuilder AddProceduresModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(ProceduresModule).Assembly));
        builder.Services.AddScoped<IProcedureCatalog, ProcedureCatalog>();
        builder.Services.AddScoped<IDemoContent, ProceduresDemoContent>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProceduresModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapProceduresApi();
        return app;
    }
}
