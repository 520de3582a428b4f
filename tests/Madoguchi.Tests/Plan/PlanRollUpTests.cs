using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Organizations;

namespace Madoguchi.Tests.Plan;

/// <summary>Progress roll-up (ADR 0020), fiscal years and priority goals, as plain domain logic.</summary>
public sealed class PlanRollUpTests
{
    private static readonly CityPlan Plan = new() { Id = Guid.NewGuid(), Slug = "p", TitleJa = "計画", StartFiscalYear = 2026, EndFiscalYear = 2030 };

    private static PlanNode Node(PlanNodeKind kind, Guid? parent, int? number = null, decimal weight = 1) =>
        new() { Id = Guid.NewGuid(), PlanId = Plan.Id, ParentId = parent, Kind = kind, Code = number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x", TitleJa = "t", Number = number, Weight = weight };

    private static ProgressReport Report(PlanNode project, int progress, ReportState state = ReportState.Accepted) =>
        new() { Id = Guid.NewGuid(), ProjectId = project.Id, DepartmentId = Guid.NewGuid(), FiscalYear = 2026, ProgressPercent = progress, State = state };

    [Fact]
    public void Parent_IsTheWeightedMeanOfItsChildren_AndUnreportedProjectsCountAsZero()
    {
        var policy = Node(PlanNodeKind.Policy, null);
        var measure = Node(PlanNodeKind.Measure, policy.Id);
        var heavy = Node(PlanNodeKind.Project, measure.Id, 1, weight: 3);
        var light = Node(PlanNodeKind.Project, measure.Id, 2);
        var unreported = Node(PlanNodeKind.Project, policy.Id, 3);
        var empty = Node(PlanNodeKind.Policy, null); // no projects: not counted

        var tree = PlanTree.Build(Plan, 2026, [policy, measure, heavy, light, unreported, empty], new Dictionary<Guid, Department>(),
            [Report(heavy, 80), Report(light, 40), Report(light, 20)]);

        Assert.Equal(30m, tree.ById[light.Id].Progress); // two departments: mean of 40 and 20
        Assert.Equal(67.5m, tree.ById[measure.Id].Progress); // (80×3 + 30×1) / 4
        Assert.Equal(33.8m, tree.ById[policy.Id].Progress); // (67.5 + 0) / 2, rounded
        Assert.Null(tree.ById[empty.Id].Progress);
        Assert.Equal(33.8m, tree.Progress);
        Assert.Equal((3, 2), (tree.ById[policy.Id].ProjectCount, tree.ById[policy.Id].ReportedCount));
    }

    [Fact]
    public void Tree_MayBeOfAnyDepth()
    {
        var nodes = new List<PlanNode> { Node(PlanNodeKind.Policy, null) };
        for (var i = 0; i < 8; i++)
        {
            nodes.Add(Node(PlanNodeKind.Initiative, nodes[^1].Id));
        }

        var project = Node(PlanNodeKind.Project, nodes[^1].Id, 1);
        nodes.Add(project);
        var tree = PlanTree.Build(Plan, 2026, nodes, new Dictionary<Guid, Department>(), [Report(project, 50)]);
        Assert.Equal(50m, tree.Progress);
        Assert.Equal(10, tree.PathTo(tree.ById[project.Id]).Count);
    }

    [Fact]
    public void ZeroWeight_LeavesAChildOutOfItsParentsProgress()
    {
        var policy = Node(PlanNodeKind.Policy, null);
        var counted = Node(PlanNodeKind.Project, policy.Id, 1);
        var ignored = Node(PlanNodeKind.Project, policy.Id, 2, weight: 0);
        var tree = PlanTree.Build(Plan, 2026, [policy, counted, ignored], new Dictionary<Guid, Department>(), [Report(counted, 60)]);
        Assert.Equal(60m, tree.Progress);
    }

    [Theory]
    [InlineData("2027-03-31T14:59:59Z", 2026)] // 23:59:59 on 31 March in Japan
    [InlineData("2027-03-31T15:00:00Z", 2027)] // midnight, 1 April in Japan
    [InlineData("2026-11-25T00:00:00Z", 2026)]
    public void FiscalYear_TurnsOnTheFirstOfAprilJapanTime(string utc, int expected) =>
        Assert.Equal(expected, FiscalYears.Of(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2026, "令和8年度")]
    [InlineData(2030, "令和12年度")]
    [InlineData(2019, "令和元年度")]
    public void FiscalYear_HasItsJapaneseEraName(int year, string name) => Assert.Equal(name, FiscalYears.Name(year, english: false));

    [Fact]
    public void Goal_Attainment_IsTheShareOfTheWayFromBaselineToTarget()
    {
        var goal = new PriorityGoal { TitleJa = "g", UnitJa = "%", BaselineValue = 40, TargetValue = 80 };
        Assert.Equal(25m, goal.Attainment(50));
        Assert.Equal(0m, goal.Attainment(30));
        Assert.Equal(100m, goal.Attainment(95));
        var fewer = new PriorityGoal { TitleJa = "g", UnitJa = "件", BaselineValue = 100, TargetValue = 50, HigherIsBetter = false };
        Assert.Equal(50m, fewer.Attainment(75));
    }

    [Fact]
    public void Goal_IsStale_WhenNoMeasurementWithinItsIntervalAndAGraceMonth()
    {
        var goal = new PriorityGoal { TitleJa = "g", UnitJa = "%", MeasurementIntervalMonths = 12 };
        Assert.True(goal.IsStale(new DateOnly(2026, 11, 25)));
        goal.Measurements.Add(new GoalMeasurement { SourceJa = "s", RecordedBy = "r", MeasuredOn = new DateOnly(2026, 3, 31), Value = 1 });
        Assert.False(goal.IsStale(new DateOnly(2027, 4, 30)));
        Assert.True(goal.IsStale(new DateOnly(2027, 5, 1)));
    }

    [Theory]
    [InlineData(80, 100)]
    [InlineData(1500, 2000)]
    [InlineData(95, 100)]
    [InlineData(150, 200)]
    public void Chart_AxisEndsOnARoundNumberAboveTheData(decimal max, decimal axis) => Assert.Equal(axis, GoalChart.NiceMax(max));
}
