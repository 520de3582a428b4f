using System.Diagnostics;

namespace Madoguchi.Bench.Load;

/// <summary>How one answer counts: the scenario's expected answer, a deliberate refusal under load (429/503), or an error.</summary>
public enum Outcome
{
    Success,
    Rejected,
    Error,
}

/// <summary>Collects the outcome and latency of every request of one load phase. Thread-safe.</summary>
public sealed class LoadRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _success = [];
    private readonly List<double> _rejected = [];
    private readonly List<double> _error = [];
    private readonly Dictionary<string, long> _answers = new(StringComparer.Ordinal);

    public void Record(string answer, Outcome outcome, long startTimestamp, long endTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;
        lock (_lock)
        {
            (outcome switch { Outcome.Success => _success, Outcome.Rejected => _rejected, _ => _error }).Add(ms);
            _answers[answer] = _answers.GetValueOrDefault(answer) + 1;
        }
    }

    public PhaseResult Complete(string mode, double offeredPerSecond, double elapsedSeconds, long notSent)
    {
        lock (_lock)
        {
            return new PhaseResult(mode, offeredPerSecond, elapsedSeconds, _success.Count, _rejected.Count, _error.Count, notSent,
                new SortedDictionary<string, long>(_answers, StringComparer.Ordinal),
                Percentiles.Summarize(_success.Concat(_rejected).Concat(_error)),
                Percentiles.Summarize(_success),
                Percentiles.Summarize(_rejected));
        }
    }
}

/// <summary>
/// What one load phase measured. <see cref="All"/> holds the latency of every answered request
/// (including errors and timeouts at their timeout); <see cref="Admitted"/> only the successful ones.
/// </summary>
public sealed record PhaseResult(
    string Mode,
    double OfferedPerSecond,
    double ElapsedSeconds,
    long Successes,
    long Rejected,
    long Errors,
    long NotSent,
    IReadOnlyDictionary<string, long> Answers,
    LatencySummary All,
    LatencySummary Admitted,
    LatencySummary RejectedLatency)
{
    public long Requests => Successes + Rejected + Errors;

    /// <summary>Successful answers per second.</summary>
    public double SuccessPerSecond => ElapsedSeconds > 0 ? Successes / ElapsedSeconds : 0;
}
