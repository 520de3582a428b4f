using System.Text.Json;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Corrections;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Calendar;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Madoguchi.Cases.Notifications;

/// <summary>
/// 催促: a 補正依頼 still open after <see cref="CorrectionOptions.ReminderBusinessDays"/> business days
/// (counted in Japan, from the day it was asked) gets ONE reminder. The request's concurrency token
/// makes two instances (or a reminder and an answer at the same moment) unable to both send it.
/// </summary>
public sealed class CorrectionReminders(IServiceScopeFactory scopes, IOptions<CorrectionOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends the reminders due at <paramref name="utcNow"/>, in every organisation; returns how many.</summary>
    public async Task<int> SendDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid OrganizationId, DateTime RequestedAt)> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            var rows = await db.Set<CorrectionRequest>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.AnsweredAt == null && r.ClosedAt == null && r.ReminderSentAt == null && r.ExpiresAt > utcNow)
                .Select(r => new { r.Id, r.OrganizationId, r.RequestedAt }).ToListAsync(cancellationToken);
            candidates = [.. rows.Select(r => (r.Id, r.OrganizationId, r.RequestedAt))];
        }

        var today = DateOnly.FromDateTime(utcNow.AddHours(9));
        var sent = 0;
        foreach (var candidate in candidates)
        {
            var askedOn = DateOnly.FromDateTime(candidate.RequestedAt.AddHours(9));
            if (BusinessDays.AddBusinessDays(askedOn, options.Value.ReminderBusinessDays) > today)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == candidate.OrganizationId, cancellationToken);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organization);
            var correction = await db.Set<CorrectionRequest>().FirstAsync(r => r.Id == candidate.Id, cancellationToken);
            var @case = await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == correction.CaseId, cancellationToken);
            if (@case is null || @case.Status != CaseStatus.AwaitingCorrection || correction.ReminderSentAt is not null)
            {
                continue;
            }

            correction.ReminderSentAt = utcNow;
            correction.Version++;
            var fields = JsonSerializer.Deserialize<List<string>>(correction.FieldsJson, Json) ?? [];
            var known = await scope.ServiceProvider.GetRequiredService<ISubmissionFields>().FieldsAsync(@case.SubmissionId, cancellationToken);
            var submission = await scope.ServiceProvider.GetRequiredService<ISubmissionReader>().FindAsync(@case.SubmissionId, cancellationToken);
            // The link in the email was not stored (only its hash): the reminder links through the status URL, which leads to the open request.
            var url = submission?.StatusToken is { } token ? $"{correction.LinkBase}/correct/{token}" : "";
            await scope.ServiceProvider.GetRequiredService<CaseNotifier>().EnqueueAsync(@case, NotificationKinds.Reminder,
                CorrectionService.Values(correction, known, fields, url, english: null), correction.LinkBase, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered or reminded elsewhere at the same moment: no reminder from here.
            }
        }

        return sent;
    }
}

/// <summary>Runs <see cref="CorrectionReminders"/> every few minutes.</summary>
public sealed partial class CorrectionReminderWorker(CorrectionReminders reminders, IOptions<CorrectionOptions> options, TimeProvider clock, ILogger<CorrectionReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.ReminderIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await reminders.SendDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The job must survive a failure (database down) and try again later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Correction reminders failed; will try again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
