using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Api;
using Madoguchi.PublicComments.DemoContent;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.PublicComments;

/// <summary>The public comment module (パブリックコメント): processes on drafts, opinions, the city's responses, publication.</summary>
public static class PublicCommentsModule
{
    public static IHostApplicationBuilder AddPublicCommentsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(PublicCommentsModule).Assembly));
        builder.Services.AddOptions<PublicCommentsOptions>().BindConfiguration("PublicComments")
            .Validate(o => o.OpinionsPerHour >= 1, "PublicComments:OpinionsPerHour must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<OpinionRateLimiter>();
        builder.Services.AddScoped<OpinionIntake>();
        builder.Services.AddScoped<IDemoContent, PublicCommentsDemoContent>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicCommentsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPublicCommentsApi();
        app.MapPublicCommentsAssets();
        return app;
    }
}
