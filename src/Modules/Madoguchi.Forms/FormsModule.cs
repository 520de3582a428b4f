using Madoguchi.Forms.PostalCodes;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Forms;

/// <summary>The forms module: form definitions and versions, the field engine, drafts, submissions and the citizen journey.</summary>
public static class FormsModule
{
    public static IHostApplicationBuilder AddFormsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(FormsModule).Assembly));
        builder.Services.AddScoped<IPostalCodeDirectory, PostalCodeDirectory>();
        builder.Services.AddScoped<IDemoContent, PostalCodesDemoContent>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFormsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
