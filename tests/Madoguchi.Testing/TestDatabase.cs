using Madoguchi.Platform.Data;
using Npgsql;

namespace Madoguchi.Testing;

/// <summary>
/// A database of its own for one test host: a SQLite file in a temporary folder, or a fresh database
/// on the throwaway PostgreSQL cluster that scripts/test.sh starts (MADOGUCHI_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MADOGUCHI_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;
    private readonly bool _template;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? adminConnectionString, string? databaseName, bool template = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
        _template = template;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL database's name (null on SQLite).</summary>
    public string? Name => _databaseName;

    public static TestDatabase Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "madoguchi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "madoguchi.db")}", directory, null, null);
    }

    /// <summary>A SQLite database that starts as a copy of <paramref name="template"/> (a database already migrated and seeded).</summary>
    public static TestDatabase SqliteCopyOf(string template)
    {
        var database = Sqlite();
        File.Copy(template, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        return database;
    }

    /// <summary>The server the test script started; fails loudly when there is none (never a silent skip).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster.");

    public static Task<TestDatabase> PostgresAsync() => CreatePostgresAsync("madoguchi_test_", template: null);

    /// <summary>
    /// A fresh database that starts as a copy of <paramref name="template"/> (a database already migrated and seeded,
    /// with no session on it): PostgreSQL's own <c>CREATE DATABASE … TEMPLATE</c>.
    /// </summary>
    public static Task<TestDatabase> PostgresCopyOfAsync(string template) => CreatePostgresAsync("madoguchi_test_", template);

    /// <summary>
    /// An empty database to migrate and seed once and then copy (<see cref="PostgresCopyOfAsync"/>). Disposing it
    /// ends every session on it and keeps it; it is dropped when the test process exits.
    /// </summary>
    public static async Task<TestDatabase> PostgresTemplateAsync()
    {
        var database = await CreatePostgresAsync("madoguchi_template_", template: null, keep: true);
        var admin = database._adminConnectionString!;
        var name = database._databaseName!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var connection = new NpgsqlConnection(admin);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The throwaway cluster may be gone already.
            }
        };
        return database;
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string prefix, string? template, bool keep = false)
    {
        var admin = PostgresServer;
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, admin, name, keep);
    }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresAsync() : Task.FromResult(Sqlite());

    public async ValueTask DisposeAsync()
    {
        if (_template && _adminConnectionString is not null)
        {
            // A copy needs the template without sessions: end them, and wait until the server has.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            for (var i = 0; i < 300; i++)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
                command.Parameters.AddWithValue("name", _databaseName!);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    break;
                }

                await Task.Delay(50);
            }
        }
        else if (_adminConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temp folder is cleaned by the OS.
            }
        }
    }
}
