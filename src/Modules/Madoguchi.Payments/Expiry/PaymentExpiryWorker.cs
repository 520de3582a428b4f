using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Payments.Expiry;

/// <summary>
/// The expiry job (期限切れ処理): every <c>Payments:ExpiryIntervalSeconds</c> (default 60), for each
/// organisation, created or started payments past <see cref="Payment.ExpiresAt"/> (online: created +
/// <c>Payments:ExpireAfter</c>; slips: end of the due date, JST) become <c>expired</c>, with a history
/// step and a <see cref="Contracts.PaymentStatusChanged"/> event. Each payment is changed under its
/// version check, so several app instances running the job expire it once. <c>Payments:ExpiryEnabled=false</c> turns it off.
/// </summary>
public sealed partial class PaymentExpiryWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PaymentExpiryWorker> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Payments:ExpiryEnabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Payments:ExpiryIntervalSeconds", 60.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every organisation; <paramref name="clock"/> replaces the app's clock (tests). Returns how many expired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        List<Organization> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organizations = await scope.ServiceProvider.GetRequiredService<MadoguchiDb>().Organizations.AsNoTracking().ToListAsync(cancellationToken);
        }

        var expired = 0;
        foreach (var organization in organizations)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Set(organization);
            var payments = ActivatorUtilities.CreateInstance<PaymentService>(services, clock ?? services.GetRequiredService<TimeProvider>());
            foreach (var id in await payments.DueForExpiryAsync(Batch, cancellationToken))
            {
                if (await payments.ExpireAsync(id, cancellationToken) == TransitionOutcome.Applied)
                {
                    expired++;
                }
            }
        }

        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unpaid payments.")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment expiry pass failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
