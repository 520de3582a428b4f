using System.Diagnostics;
using System.Net;

namespace Madoguchi.Bench.Load;

/// <summary>
/// An in-process HTTP load generator (ADR 0040). <see cref="ClosedLoopAsync"/> keeps a fixed number
/// of requests in flight to find capacity; <see cref="OpenLoopAsync"/> sends at a fixed rate whatever
/// the answers do, and measures each latency from the moment the request was <em>scheduled</em>, so
/// a stalled server cannot hide its stall by slowing the generator (no coordinated omission).
/// </summary>
public sealed class LoadGenerator
{
    private readonly HttpClient _client;
    private readonly Func<HttpRequestMessage> _createRequest;
    private readonly Func<HttpStatusCode, Outcome> _classify;

    /// <param name="client">Client whose handler limits the connections.</param>
    /// <param name="createRequest">Builds the next request (a fresh message each time: a request is sent once).</param>
    /// <param name="classify">What an answer's status means for this scenario.</param>
    public LoadGenerator(HttpClient client, Func<HttpRequestMessage> createRequest, Func<HttpStatusCode, Outcome> classify)
    {
        _client = client;
        _createRequest = createRequest;
        _classify = classify;
    }

    /// <summary><paramref name="connections"/> workers, each sending its next request when the previous is answered.</summary>
    public async Task<PhaseResult> ClosedLoopAsync(int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var recorder = new LoadRecorder();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                await SendOneAsync(recorder, Stopwatch.GetTimestamp(), cancellationToken);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return recorder.Complete($"closed-loop, {connections} connections", 0, elapsed, 0);
    }

    /// <summary>
    /// Sends <paramref name="ratePerSecond"/> requests per second for <paramref name="duration"/>, then
    /// waits for the answers. Requests beyond <paramref name="maxInFlight"/> outstanding are not sent
    /// and counted as <see cref="PhaseResult.NotSent"/> (the generator's limit, not the server's answer).
    /// </summary>
    public async Task<PhaseResult> OpenLoopAsync(double ratePerSecond, TimeSpan duration, int maxInFlight, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        var recorder = new LoadRecorder();
        var inFlight = new List<Task>();
        var outstanding = 0;
        long notSent = 0;
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;
        var total = (long)Math.Floor(ratePerSecond * duration.TotalSeconds);
        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested;)
        {
            var now = Stopwatch.GetTimestamp();
            for (; i < total; i++)
            {
                var scheduled = start + (long)(i * ticksPerRequest);
                if (scheduled > now)
                {
                    break;
                }

                if (Volatile.Read(ref outstanding) >= maxInFlight)
                {
                    notSent++;
                    continue;
                }

                Interlocked.Increment(ref outstanding);
                inFlight.Add(SendAndReleaseAsync(recorder, scheduled, () => Interlocked.Decrement(ref outstanding), cancellationToken));
            }

            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            if (i < total)
            {
                var next = start + (long)(i * ticksPerRequest);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }
                else if (wait > TimeSpan.Zero)
                {
                    await Task.Yield();
                }
            }
        }

        var scheduleSeconds = duration.TotalSeconds;
        await Task.WhenAll(inFlight);
        return recorder.Complete($"open-loop, {ratePerSecond:0.#}/s", ratePerSecond, scheduleSeconds, notSent);
    }

    private async Task SendAndReleaseAsync(LoadRecorder recorder, long scheduled, Action release, CancellationToken cancellationToken)
    {
        try
        {
            await SendOneAsync(recorder, scheduled, cancellationToken);
        }
        finally
        {
            release();
        }
    }

    private async Task SendOneAsync(LoadRecorder recorder, long scheduled, CancellationToken cancellationToken)
    {
        using var request = _createRequest();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            recorder.Record(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _classify(response.StatusCode), scheduled, Stopwatch.GetTimestamp());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            recorder.Record("timeout", Outcome.Error, scheduled, Stopwatch.GetTimestamp());
        }
        catch (HttpRequestException e)
        {
            recorder.Record("connection-error:" + (e.HttpRequestError.ToString()), Outcome.Error, scheduled, Stopwatch.GetTimestamp());
        }
    }
}
