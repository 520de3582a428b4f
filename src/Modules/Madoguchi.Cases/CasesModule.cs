using Madoguchi.Cases.Api;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Corrections;
using Madoguchi.Cases.Notifications;
using Madoguchi.Forms.Contracts;
using Madoguchi.Cases.DemoContent;
using Madoguchi.Cases.Intake;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Cases;

/// <summary>The cases module (案件): intake from submissions, status model, automatic checks, approval routes.</summary>
public static class CasesModule
{
    /// <summary>Signed-in staff, or an API key with the <c>cases</c> scope.</summary>
    public const string StaffOrKeyPolicy = "cases:staff-or-key";

    /// <summary>情報政策課 and system admins: statistics only.</summary>
    public const string StatisticsPolicy = "cases:statistics";

    /// <summary>System admins only: the organisation's notice wording (通知テンプレート, ADR 0056).</summary>
    public const string TemplatesPolicy = "cases:notice-templates";

    public static IHostApplicationBuilder AddCasesModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(CasesModule).Assembly));
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<SubmissionIntakeHandler>();
        builder.Services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<SubmissionIntakeHandler>());
        builder.Services.AddScoped<IDemoContent, CasesDemoContent>();
        // 補正依頼, 状況照会 and notices (ADR 0053).
        builder.Services.AddOptions<CorrectionOptions>().BindConfiguration(CorrectionOptions.Section);
        builder.Services.AddScoped<CorrectionService>();
        builder.Services.AddScoped<ICorrectionRequests>(sp => sp.GetRequiredService<CorrectionService>());
        builder.Services.AddScoped<IApplicationStatusSteps, ApplicationStatusSteps>();
        builder.Services.AddScoped<ICitizenNotices, Notifications.CitizenNotices>();
        builder.Services.AddScoped<NotificationTemplates>();
        builder.Services.AddScoped<CaseNotifier>();
        builder.Services.AddScoped<NotificationTemplateEditor>();
        builder.Services.AddScoped<IDemoContent, NotificationTemplatesDemoContent>();
        builder.Services.AddSingleton<CorrectionReminders>();
        builder.Services.AddHostedService<CorrectionReminderWorker>();
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(StaffOrKeyPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAssertion(c => c.User.IsInRole(StaffRoles.Staff) || c.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Cases)));
            options.AddPolicy(StatisticsPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(StaffRoles.ItPolicy, StaffRoles.SystemAdmin));
            options.AddPolicy(TemplatesPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(StaffRoles.SystemAdmin));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCasesApi();
        app.MapCorrectionRequestForm();
        return app;
    }
}
