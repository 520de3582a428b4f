using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.IntegrationTests.Support;

/// <summary>
/// A <see cref="MadoguchiDb"/> on a PostgreSQL database outside any app host (the test's own view of
/// the data), with the same model as the app (Identity store options as in <see cref="DesignTimeModel"/>).
/// </summary>
public static class Db
{
    private static readonly IServiceProvider ApplicationServices = BuildApplicationServices();

    public static MadoguchiDb Open(string connectionString, Organization? organization = null)
    {
        var options = new DbContextOptionsBuilder<MadoguchiDb>();
        DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Postgres, connectionString);
        options.UseApplicationServiceProvider(ApplicationServices);
        var tenant = new TenantContext();
        if (organization is not null)
        {
            tenant.Set(organization);
        }

        return new MadoguchiDb(options.Options, tenant);
    }

    private static ServiceProvider BuildApplicationServices()
    {
        var services = new ServiceCollection();
        services.AddIdentityCore<StaffUser>(DesignTimeModel.ConfigureIdentityStores);
        return services.BuildServiceProvider();
    }
}
