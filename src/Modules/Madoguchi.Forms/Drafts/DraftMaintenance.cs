using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Uploads;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Forms.Drafts;

/// <summary>
/// Every few minutes, for every organisation: records a funnel "abandoned" event for drafts left a
/// day without activity, and deletes unsubmitted drafts past their retention with their files
/// (submitted drafts stay: their uploads belong to the submission).
/// </summary>
public sealed partial class DraftMaintenance(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DraftMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
#pragma warning disable CA1031 // Maintenance must survive a failed round (database restarting) and try again next time.
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        var uploads = scope.ServiceProvider.GetRequiredService<UploadStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - AbandonedAfter;

        var abandoned = await db.Set<Draft>().IgnoreQueryFilters()
            .Where(d => d.SubmittedAt == null && d.AbandonedAt == null && d.LastActivityAt < idleSince)
            .OrderBy(d => d.LastActivityAt).Take(500).ToListAsync(cancellationToken);
        foreach (var draft in abandoned)
        {
            draft.AbandonedAt = now;
            if (draft.CounterStaffId is not null)
            {
                // A counter draft left unfinished is not an online attempt the citizen gave up on.
                continue;
            }

            db.Add(new FunnelEvent { OrganizationId = draft.OrganizationId, ProcedureSlug = draft.ProcedureSlug, Kind = FunnelEventKind.Abandoned, Attempt = draft.Attempt, OccurredAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);

        var expired = await db.Set<Draft>().IgnoreQueryFilters()
            .Where(d => d.SubmittedAt == null && d.ExpiresAt < now)
            .OrderBy(d => d.ExpiresAt).Select(d => d.Id).Take(500).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        var files = await db.Set<Upload>().IgnoreQueryFilters().Where(u => expired.Contains(u.DraftId)).Select(u => u.StoragePath).ToListAsync(cancellationToken);
        foreach (var path in files)
        {
            File.Delete(Path.Combine(uploads.Root, path));
        }

        await db.Set<Upload>().IgnoreQueryFilters().Where(u => expired.Contains(u.DraftId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Draft>().IgnoreQueryFilters().Where(d => expired.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, expired.Count, files.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft maintenance failed; it runs again in a few minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Drafts} expired drafts and {Files} of their files")]
    private static partial void LogDeleted(ILogger logger, int drafts, int files);
}
