using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Quick_IsShort_AndLaterOptionsStillApply()
    {
        var options = BenchOptions.Parse(["--quick", "--connections", "8"]);
        Assert.True(options.Quick);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Duration);
        Assert.Equal(8, options.Connections);
        Assert.Equal([5.0], options.OverloadMultiples);
    }

    [Fact]
    public void Options_AreParsedInvariantly()
    {
        var options = BenchOptions.Parse(["--duration", "2.5", "--rate", "1500", "--scenarios", "empty, submissions", "--overload-multiples", "2,5",
            "--end-to-end-rate", "450.5", "--end-to-end-seconds", "30"]);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Duration);
        Assert.Equal(450.5, options.EndToEndRate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.EndToEndDuration);
        Assert.Equal(1500, options.Rate);
        Assert.Equal(["empty", "submissions"], options.Scenarios);
        Assert.Equal([2.0, 5.0], options.OverloadMultiples);
    }

    [Theory]
    [InlineData("--connections", "0")]
    [InlineData("--duration", "abc")]
    [InlineData("--unknown", "1")]
    public void BadOptions_AreRefusedWithAMessage(string name, string value) =>
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse([name, value]));

    [Fact]
    public void SelectedScenarios_BringTheirBaselines_InCatalogOrder()
    {
        Assert.Equal([Baselines.PgBenchInsert, ScenarioCatalog.Submissions],
            ScenarioCatalog.Resolve([ScenarioCatalog.Submissions]).Select(s => s.Name));
        Assert.Equal([ScenarioCatalog.Empty, ScenarioCatalog.ProcedurePage],
            ScenarioCatalog.Resolve([ScenarioCatalog.ProcedurePage]).Select(s => s.Name));
        Assert.Equal([ScenarioCatalog.Empty, Baselines.PgBenchInsert, ScenarioCatalog.ProcedureApi, ScenarioCatalog.Submissions, ScenarioCatalog.Overload],
            ScenarioCatalog.Resolve([ScenarioCatalog.Overload]).Select(s => s.Name));
        Assert.Throws<ArgumentException>(() => ScenarioCatalog.Resolve(["no-such-scenario"]));
    }
}
