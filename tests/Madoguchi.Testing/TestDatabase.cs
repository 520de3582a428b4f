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

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

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

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = PostgresServer;
        var name = "madoguchi_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, admin, name);
    }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresAsync() : Task.FromResult(Sqlite());

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null && _databaseName is not null)
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
