using System.Text.RegularExpressions;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Tests;

public sealed partial class PgBenchScriptTests
{
    [Fact]
    public void Script_IsOneInsert_WithNoTextPgBenchWouldTakeForAVariable()
    {
        var script = PgBenchInsertScenario.Script("juminhyo-copy", """{"name":{"family":"O'Hara"},"copies":1,"ok":true,"at":"10:30"}""");
        Assert.Single(script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("INSERT INTO bench_submissions", script, StringComparison.Ordinal);
        // pgbench replaces :name (a letter after a single colon) with a variable; :: casts are left alone.
        Assert.Empty(VariableReference().Matches(script));
        Assert.Contains("O''Hara", script, StringComparison.Ordinal);
        Assert.Contains("\"ok\": true", script, StringComparison.Ordinal);
    }

    [Fact]
    public void PgBenchOutput_GivesTpsFailuresAndLatencies()
    {
        const string output = """
            number of transactions actually processed: 75123
            number of failed transactions: 3 (0.004%)
            latency average = 2.130 ms
            tps = 7512.345678 (without initial connection time)
            """;
        Assert.Equal(7512.345678, PgBenchInsertScenario.TransactionsPerSecond(output), precision: 6);
        Assert.Equal(3, PgBenchInsertScenario.FailedTransactions(output));
        Assert.Equal([2.5, 0.125], PgBenchInsertScenario.ReadLatencies(["0 1 2500 0 1764115200 123456", "3 9 125 0 1764115200 234567", ""]));
    }

    [GeneratedRegex(@"(?<!:):[A-Za-z_]")]
    private static partial Regex VariableReference();
}
