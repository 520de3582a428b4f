namespace Madoguchi.Bench.Load;

/// <summary>Percentiles of latencies by the nearest-rank method: the smallest sample with at least p% of the samples at or below it.</summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0 &lt; p ≤ 100) of <paramref name="sorted"/> (ascending); null when there are no samples.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>p50, p95 and p99 of unsorted samples.</summary>
    public static LatencySummary Summarize(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new LatencySummary(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 95), NearestRank(sorted, 99),
            sorted.Length == 0 ? null : sorted[^1]);
    }
}

/// <summary>Latency percentiles in milliseconds (null without samples).</summary>
public sealed record LatencySummary(int Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);
