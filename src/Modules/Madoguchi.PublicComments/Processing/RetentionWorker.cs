using Madoguchi.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Madoguchi.PublicComments.Processing;

/// <summary>Runs <see cref="Retention.EraseDueAsync"/> a minute after start and then every six hours.</summary>
internal sealed partial class RetentionWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var erased = await Retention.EraseDueAsync(scope.ServiceProvider.GetRequiredService<MadoguchiDb>(), clock.GetUtcNow().UtcDateTime, stoppingToken);
                    if (erased > 0)
                    {
                        LogErased(logger, erased);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception);
                }

                await Task.Delay(TimeSpan.FromHours(6), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of {Count} public-comment opinions past their retention period.")]
    private static partial void LogErased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Public-comment retention run failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
