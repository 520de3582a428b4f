using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Madoguchi.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Database, tenancy, staff identity, audit, outbox and email.</summary>
    public static IHostApplicationBuilder AddMadoguchiPlatform(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMadoguchiDatabase();
        var services = builder.Services;

        services.AddOptions<DemoOptions>()
            .Configure<IConfiguration>((o, c) =>
            {
                o.Enabled = c.GetValue("Seed:Demo", false);
                o.ApiKey = c["Demo:ApiKey"];
            });

        services.AddDataProtection()
            .SetApplicationName("Madoguchi")
            .PersistKeysToDbContext<MadoguchiDb>();

        services.AddIdentityCore<StaffUser>(options =>
            {
                DesignTimeModel.ConfigureIdentityStores(options);
                options.User.RequireUniqueEmail = false;
                // Length over composition rules (NIST SP 800-63B): 12 characters, any kind.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MadoguchiDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.PollIntervalSeconds > 0, "Outbox settings must be positive.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<Caching.ReadCache>();
        services.AddScoped<Outbox.Outbox>();
        services.AddScoped<Audit.SecurityAudit>();
        services.AddScoped<ApiKeys.ApiKeyIssuer>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<IOutboxHandler, EmailOutboxHandler>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddHostedService<Audit.AuditChainWorker>();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp));
        return builder;
    }
}
