using System.Text.RegularExpressions;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Plan;

/// <summary>The demo plan against the seed document: its 5 policies, 28 numbered projects and the previous plan's 42 items.</summary>
public sealed partial class PlanSeedTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MadoguchiApp _app = shared.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T> InMusashino<T>(Func<Madoguchi.Platform.Data.MadoguchiDb, Task<T>> action) =>
        _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => action(db));

    [Fact]
    public async Task DemoPlan_HasTheSeedsFivePoliciesAndTwentyEightNumberedProjects()
    {
        var (nodes, plan) = await InMusashino(async db => (await db.Set<PlanNode>().AsNoTracking().ToListAsync(Ct), await db.Set<CityPlan>().SingleAsync(Ct)));
        Assert.Equal((2026, 2030), (plan.StartFiscalYear, plan.EndFiscalYear));
        Assert.Contains("HAPPY", plan.VisionJa, StringComparison.Ordinal);

        var policies = nodes.Where(n => n.Kind == PlanNodeKind.Policy).OrderBy(n => n.SortOrder).ToList();
        Assert.Equal(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"], policies.Select(p => p.Code));
        Assert.Equal(["市民・職員目線の市民サービス", "持続可能な市役所業務へのアップデート", "人材育成・体制強化", "システム基盤環境の整備", "多様な主体との共創"], policies.Select(p => p.TitleJa));
        Assert.All(policies, p => Assert.Null(p.ParentId));

        var projects = nodes.Where(n => n.Kind == PlanNodeKind.Project).ToList();
        Assert.Equal(Enumerable.Range(1, 28), projects.Select(p => p.Number!.Value).Order());

        // "基本方針Ⅰ及びⅡでは、6の施策として28の事業を推進する"
        var byId = nodes.ToDictionary(n => n.Id);
        PlanNode Up(PlanNode n, PlanNodeKind kind) { while (n.Kind != kind) { n = byId[n.ParentId!.Value]; } return n; }
        Assert.All(projects, p => Assert.True(Up(p, PlanNodeKind.Policy).Code is "Ⅰ" or "Ⅱ", $"No.{p.Number}"));
        Assert.Equal(6, projects.Select(p => Up(p, PlanNodeKind.Measure).Id).Distinct().Count());
        Assert.Equal(15, projects.Count(p => Up(p, PlanNodeKind.Policy).Code == "Ⅰ"));

        // Measures per policy as chapter 2 lists them: Ⅰ 3, Ⅱ 3, Ⅲ 3, Ⅳ 7, Ⅴ 2.
        Assert.Equal([3, 3, 3, 7, 2], policies.Select(p => nodes.Count(n => n.Kind == PlanNodeKind.Measure && n.ParentId == p.Id)));
    }

    [Theory]
    [InlineData(1, "申請・届出・申込のオンライン化の拡大", "Ⅰ", "(1)", "①")]
    [InlineData(3, "公共施設予約システム利用拡大及び共通化の検討", "Ⅰ", "(1)", "②")]
    [InlineData(11, "窓口での案内の充実・タブレット型端末の運用", "Ⅰ", "(2)", "③")]
    [InlineData(14, "手続きガイド等の拡充", "Ⅰ", "(3)", "②")]
    [InlineData(16, "ライフイベント関係課によるECRS視点の検討と情報連携の研究（再掲）", "Ⅱ", "(1)", "①")]
    [InlineData(20, "道路点検DXの導入検討", "Ⅱ", "(2)", "①")]
    [InlineData(23, "行政文書の電子化・電子決裁の推進", "Ⅱ", "(2)", "②")]
    [InlineData(27, "生成AI活用法研究及び活用事例集等の共有", "Ⅱ", "(2)", "④")]
    [InlineData(28, "テレワーク・モバイルワークの運用", "Ⅱ", "(3)", "①")]
    public async Task Project_SitsWhereTheDraftPutsIt(int number, string title, string policy, string measure, string initiative)
    {
        var nodes = await InMusashino(db => db.Set<PlanNode>().AsNoTracking().ToListAsync(Ct));
        var byId = nodes.ToDictionary(n => n.Id);
        var project = nodes.Single(n => n.Number == number);
        Assert.Equal(title, project.TitleJa);
        var parent = byId[project.ParentId!.Value];
        var grand = byId[parent.ParentId!.Value];
        var root = byId[grand.ParentId!.Value];
        Assert.Equal((policy, measure, initiative), (root.Code, grand.Code, parent.Code));
        Assert.Equal((PlanNodeKind.Policy, PlanNodeKind.Measure, PlanNodeKind.Initiative), (root.Kind, grand.Kind, parent.Kind));
    }

    [Fact]
    public async Task Projects_HaveDepartmentsFromTheDemoOrganisation_AndAFiveYearSchedule()
    {
        var (projects, departments) = await InMusashino(async db => (
            await db.Set<PlanNode>().AsNoTracking().Include(n => n.Departments).Where(n => n.Kind == PlanNodeKind.Project).ToListAsync(Ct),
            await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, Ct)));
        Assert.All(projects, p => Assert.NotEmpty(p.Departments));
        Assert.All(projects, p => Assert.Equal([2026, 2027, 2028, 2029, 2030], p.Schedule.Select(s => s.FiscalYear)));

        var road = projects.Single(p => p.Number == 20);
        Assert.Equal("road-management", departments[road.Departments.Single().DepartmentId].Code);

        // No.11 continues the previous items 8, 9 and 13: their departments, stated by the document.
        var tablets = projects.Single(p => p.Number == 11);
        Assert.Equal(["多文化共生・交流課", "障害者福祉課", "高齢者支援課"], tablets.Departments.OrderBy(d => d.SortOrder).Select(d => departments[d.DepartmentId].NameJa));
        Assert.All(tablets.Departments, d => Assert.Equal(AssignmentSource.Document, d.Source));

        var first = projects.Single(p => p.Number == 1);
        Assert.True(first.AllDepartments); // 情報政策課、各課
        Assert.Equal(7, projects.Single(p => p.Number == 16).RepeatsNumber);
    }

    [Fact]
    public async Task EveryDepartmentTheSeedNames_ExistsInTheDemoOrganisation()
    {
        var names = await InMusashino(db => db.Set<Department>().AsNoTracking().Select(d => d.NameJa).ToListAsync(Ct));
        string[] named = ["情報政策課", "市民活動推進課", "下水道課", "まちづくり推進課", "道路管理課", "建築指導課", "工務課", "子ども子育て支援課", "市民課",
            "市政センター", "市民税課", "多文化共生・交流課", "障害者福祉課", "秘書広報課", "高齢者支援課", "管財課", "指導課", "健康課", "教育支援課",
            "企画調整課", "防災課", "安全対策課", "総務課", "財政課", "会計課", "人事課"];
        Assert.All(named, n => Assert.Contains(n, names));
    }

    [Fact]
    public async Task PreviousPlan_HasFortyTwoItemsWithTheSeedsStatusesAndCarryOvers()
    {
        var items = await InMusashino(db => db.Set<PreviousPlanItem>().AsNoTracking().OrderBy(i => i.Number).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, 42), items.Select(i => i.Number));
        Assert.Equal(25, items.Count(i => i.Status == AchievementStatus.Achieved));
        Assert.Equal(10, items.Count(i => i.Status == AchievementStatus.MostlyAchieved));
        Assert.Equal(6, items.Count(i => i.Status == AchievementStatus.PartlyAchieved));
        Assert.Equal(1, items.Count(i => i.Status == AchievementStatus.NotAchieved));
        Assert.Equal(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"], items.Select(i => i.PolicyCode).Distinct());
        Assert.Equal([9, 14, 10, 9], items.GroupBy(i => i.PolicyCode).Select(g => g.Count()));

        var map = items.Single(i => i.Number == 3);
        Assert.Equal(("市が保有する地図情報のインターネット閲覧サービスの検討", AchievementStatus.Achieved, 69), (map.TitleJa, map.Status, map.CarriedOverTo));
        Assert.Equal(6, map.DepartmentCodes.Count);
        var consultation = items.Single(i => i.Number == 20);
        Assert.Equal((AchievementStatus.NotAchieved, 48), (consultation.Status, consultation.CarriedOverTo));
        Assert.Contains("planning-coordination", consultation.DepartmentCodes);
        Assert.Null(items.Single(i => i.Number == 23).CarriedOverTo);
        Assert.Equal((AchievementStatus.PartlyAchieved, 28), (items.Single(i => i.Number == 29).Status, items.Single(i => i.Number == 29).CarriedOverTo));
        Assert.Equal(28, items.Count(i => i.CarriedOverTo is not null));
    }

    /// <summary>When the seed document is beside the repository (../shared/seed, as on every developer machine and in CI), every item matches it line by line.</summary>
    [Fact]
    public async Task PreviousPlan_MatchesTheSeedDocumentLineByLine_WhenItIsAvailable()
    {
        var seedFolder = Path.Combine(Repository.Root, "..", "shared", "seed");
        var file = Directory.Exists(seedFolder) ? Directory.GetFiles(seedFolder, "*.txt").FirstOrDefault() : null;
        if (file is null)
        {
            TestContext.Current.SendDiagnosticMessage($"No seed document under {seedFolder}; the hard-coded checks above still ran.");
            return;
        }

        var rows = (await File.ReadAllLinesAsync(file, Ct))
            .Select(l => SeedItemRow().Match(l))
            .Where(m => m.Success)
            .Select(m => (Number: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Title: m.Groups[2].Value.Trim(), Departments: m.Groups[3].Value.Trim(), Status: m.Groups[4].Value, To: m.Groups[5].Value))
            .ToList();
        Assert.Equal(42, rows.Count);
        var items = await InMusashino(db => db.Set<PreviousPlanItem>().AsNoTracking().ToDictionaryAsync(i => i.Number, Ct));
        foreach (var row in rows)
        {
            var item = items[row.Number];
            Assert.Equal(Normalize(row.Title), Normalize(item.TitleJa));
            Assert.Equal(Normalize(row.Departments), Normalize(item.DepartmentsJa));
            Assert.Equal(row.Status, Madoguchi.Plan.Api.PlanDtoMapping.StatusJa(item.Status));
            var to = Regex.Match(row.To, @"No\.(\d+)");
            Assert.Equal(to.Success ? int.Parse(to.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null, item.CarriedOverTo);
        }
    }

    /// <summary>The PDF spaced out some Latin letters ("A I ・ R P A"); compare without spaces.</summary>
    private static string Normalize(string text) => text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:[^\t]*\t)?(\d{1,2}) ([^\t]+)\t([^\t]+)\t(達成|概ね達成|一部のみ達成|未達成)\t(.+)$")]
    private static partial Regex SeedItemRow();

    [Fact]
    public async Task PriorityGoals_AreSixWithATargetForFiscal2030_AndMarkedIllustrative()
    {
        var goals = await InMusashino(db => db.Set<PriorityGoal>().AsNoTracking().Include(g => g.Measurements).OrderBy(g => g.Number).ToListAsync(Ct));
        Assert.Equal(6, goals.Count);
        Assert.All(goals, g => Assert.Equal(2030, g.TargetFiscalYear));
        Assert.All(goals, g => Assert.True(g.IsIllustrative));
        Assert.All(goals, g => Assert.NotEmpty(g.Measurements));
    }

    [Fact]
    public async Task Seeding_TwiceAddsNothing()
    {
        var before = await InMusashino(db => db.Set<PlanNode>().CountAsync(Ct));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, new DemoOptions { Enabled = true }, Ct);
        }

        Assert.Equal(before, await InMusashino(db => db.Set<PlanNode>().CountAsync(Ct)));
    }
}
