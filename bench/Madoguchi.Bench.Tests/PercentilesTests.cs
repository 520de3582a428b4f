using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Tests;

public sealed class PercentilesTests
{
    [Fact]
    public void NearestRank_OneToHundred_GivesTheRankItself()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(50, Percentiles.NearestRank(samples, 50));
        Assert.Equal(95, Percentiles.NearestRank(samples, 95));
        Assert.Equal(99, Percentiles.NearestRank(samples, 99));
        Assert.Equal(100, Percentiles.NearestRank(samples, 100));
    }

    [Fact]
    public void NearestRank_NeverInterpolates_AndRoundsTheRankUp()
    {
        // 10 samples: p95 is the 10th (ceil 9.5), p50 the 5th.
        double[] samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000];
        Assert.Equal(5, Percentiles.NearestRank(samples, 50));
        Assert.Equal(1000, Percentiles.NearestRank(samples, 95));
        Assert.Equal(1000, Percentiles.NearestRank(samples, 99));
    }

    [Fact]
    public void Summarize_SortsItsInput_AndHasNoValuesWithoutSamples()
    {
        var summary = Percentiles.Summarize([30, 10, 20]);
        Assert.Equal(3, summary.Count);
        Assert.Equal(20, summary.P50Ms);
        Assert.Equal(30, summary.P99Ms);
        Assert.Equal(30, summary.MaxMs);

        var empty = Percentiles.Summarize([]);
        Assert.Equal(0, empty.Count);
        Assert.Null(empty.P50Ms);
        Assert.Null(empty.P99Ms);
    }
}
