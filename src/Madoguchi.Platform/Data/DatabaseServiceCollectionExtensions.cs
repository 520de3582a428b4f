using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Madoguchi.Platform.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Madoguchi";
    public const string SqliteMigrationsAssembly = "Madoguchi.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Madoguchi.Migrations.Postgres";

    /// <summary>Registers <see cref="MadoguchiDb"/> on the configured provider, with tenancy and audit actor.</summary>
    public static IHostApplicationBuilder AddMadoguchiDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, "data");
            connectionString = $"Data Source={Path.Combine(dataDirectory, "madoguchi.db")}";
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Madoguchi is required when Database:Provider is Postgres.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
        builder.Services.AddDbContext<MadoguchiDb>(db => Configure(db, options.Provider, connectionString));
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            EnsureSqliteDirectory(connectionString);
            db.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        }

        return db;
    }

    /// <summary>Statements Npgsql keeps prepared per connection when the connection string does not say (ADR 0066).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string sets <c>Max Auto Prepare</c>
    /// itself (0 turns it off): a statement run five times on a pooled connection is prepared there and
    /// kept across pool returns, so PostgreSQL no longer parses and plans the same EF query on every request.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var generic = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!generic.ContainsKey("Max Auto Prepare") && !generic.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
