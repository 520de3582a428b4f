using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Platform.Data;

/// <summary>
/// Builds <see cref="MadoguchiDb"/> for <c>dotnet ef</c> with the same model as the app: Identity's
/// store options (schema version 3, with passkeys) and every module's configurations.
/// </summary>
public static class DesignTimeModel
{
    public static MadoguchiDb Create(DatabaseProvider provider, string connectionString, params System.Reflection.Assembly[] modules)
    {
        var services = new ServiceCollection();
        services.AddIdentityCore<StaffUser>(ConfigureIdentityStores);
        var applicationServices = services.BuildServiceProvider();
        var options = new DbContextOptionsBuilder<MadoguchiDb>();
        DatabaseServiceCollectionExtensions.Configure(options, provider, connectionString);
        options.UseApplicationServiceProvider(applicationServices);
        return new MadoguchiDb(options.Options, modelAssemblies: modules.Select(m => new ModelAssembly(m)));
    }

    /// <summary>The Identity store options the app uses too.</summary>
    public static void ConfigureIdentityStores(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.Stores.MaxLengthForKeys = 128;
    }
}
