using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madoguchi.Web.Infrastructure;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Applies pending migrations and seeds the demo organisation. When the database does not answer,
    /// says so in one log line and goes on: <c>/healthz</c> then answers 503 until it does.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Madoguchi.Database");
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        try
        {
            if (database.MigrateOnStart)
            {
                await db.Database.MigrateAsync();
            }

            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer (outbox worker beside requests); persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            if (demo.Enabled)
            {
                await DemoSeeder.SeedAsync(scope.ServiceProvider, demo);
            }
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            var reason = ex.GetBaseException().Message;
            LogUnreachable(logger, database.Provider, reason);
        }
    }

    private static bool IsUnreachable(Exception ex) =>
        ex is System.Net.Sockets.SocketException or TimeoutException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException
        || (ex.InnerException is not null && IsUnreachable(ex.InnerException));

    /// <summary>Runs a command-line command instead of the server, e.g. <c>audit verify</c>. Returns true when one ran.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] == "audit" && args[1] == "verify")
        {
            Environment.ExitCode = await VerifyAuditAsync(app.Services, Console.Out);
            return true;
        }

        var exitCode = await AdminCommands.RunAsync(app.Services, args, Console.Out);
        if (exitCode is { } code)
        {
            Environment.ExitCode = code;
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c>audit verify</c>: walks every organisation's audit chain, writes one line per organisation
    /// and returns the exit code: 0 when all are intact, 1 when any link is broken.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        var broken = false;
        foreach (var organization in await db.Organizations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken))
        {
            var result = await AuditVerifier.VerifyAsync(db, organization.Id, cancellationToken);
            broken |= !result.IsIntact;
            await output.WriteLineAsync(result.IsIntact
                ? $"{organization.Code}: intact ({result.EntriesChecked} entries)"
                : $"{organization.Code}: BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
        }

        return broken ? 1 : 0;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database unreachable at start ({Provider}): {Reason}. /healthz answers 503 until it is back.")]
    private static partial void LogUnreachable(ILogger logger, DatabaseProvider provider, string reason);
}
