using Madoguchi.Plan.Model;

namespace Madoguchi.Tests.Plan;

/// <summary>The report's rules as plain domain logic.</summary>
public sealed class ProgressReportTests
{
    private static readonly ProgressStatus Studying = new() { Code = "studying", NameJa = "検討中", ImpliedProgress = 20 };
    private static readonly DateTime Now = new(2027, 4, 20, 0, 0, 0, DateTimeKind.Utc);

    private static ProgressReport Written()
    {
        var report = new ProgressReport();
        Assert.True(report.Edit(new ReportContent(null, "実施", "", "計画", ""), Studying, "担当", Now).Succeeded);
        return report;
    }

    [Fact]
    public void Status_ImpliesTheProgress_UnlessOneIsGiven()
    {
        var report = Written();
        Assert.Equal(20, report.ProgressPercent);
        report.Edit(new ReportContent(35, "実施", "", "計画", ""), Studying, "担当", Now);
        Assert.Equal(35, report.ProgressPercent);
        Assert.Equal(ReportError.ProgressOutOfRange, report.Edit(new ReportContent(101, "", "", "", ""), Studying, "担当", Now).Error);
    }

    [Fact]
    public void Submitted_CannotBeEdited_UntilReturned()
    {
        var report = Written();
        var revision = report.Revision;
        Assert.True(report.Submit("担当", Now).Succeeded);
        Assert.True(report.Revision > revision);
        Assert.Equal(ReportError.NotEditable, report.Edit(new ReportContent(90, "別", "", "別", ""), Studying, "担当", Now).Error);
        Assert.Equal(ReportError.NotEditable, report.Submit("担当", Now).Error);
        Assert.Equal(ReportError.ReasonRequired, report.Return(" ", "情報政策課", Now).Error);
        Assert.True(report.Return("追記を", "情報政策課", Now).Succeeded);
        Assert.True(report.Edit(new ReportContent(90, "別", "", "別", ""), Studying, "担当", Now).Succeeded);
    }

    [Fact]
    public void Accepted_IsFinal_AndNeedsAComment()
    {
        var report = Written();
        Assert.Equal(ReportError.NotSubmitted, report.Accept(EvaluationRating.A, "よい", "", "情報政策課", Now).Error);
        report.Submit("担当", Now);
        Assert.Equal(ReportError.CommentRequired, report.Accept(EvaluationRating.A, "", "", "情報政策課", Now).Error);
        Assert.True(report.Accept(EvaluationRating.A, "よい", "次年度も", "情報政策課", Now).Succeeded);
        Assert.True(report.IsFinal);
        Assert.Equal(ReportError.NotSubmitted, report.Return("やはり", "情報政策課", Now).Error);
        Assert.Equal(ReportError.NotEditable, report.Edit(new ReportContent(1, "x", "", "x", ""), Studying, "担当", Now).Error);
    }

    [Fact]
    public void Submit_NeedsStatusDoneAndNextYearsPlan()
    {
        var report = new ProgressReport();
        Assert.Equal(ReportError.Incomplete, report.Submit("担当", Now).Error);
        report.Edit(new ReportContent(null, "実施", "", "", ""), Studying, "担当", Now);
        Assert.Equal(ReportError.Incomplete, report.Submit("担当", Now).Error);
    }
}
