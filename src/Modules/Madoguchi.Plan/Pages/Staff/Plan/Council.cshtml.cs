using System.Globalization;
using Madoguchi.Plan.Export;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>
/// ICT戦略会議報告: the IT policy division previews the year's figures, then issues the report, which
/// freezes them (later edits of reports do not change an issued report). Printable; exportable as CSV.
/// </summary>
public sealed class CouncilModel(MadoguchiDb db, TimeProvider clock, IStringLocalizer<PlanResource> t) : StaffPlanModel(db, clock)
{
    public int Year { get; private set; }
    public CouncilSnapshot Snapshot { get; private set; } = null!;
    public CouncilReport? Issued { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Summary { get; set; }

    public static string Number(decimal? value) => value?.ToString("#,0.#", CultureInfo.InvariantCulture) ?? "—";

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadCouncilAsync(year, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadCouncilAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Issued is not null)
        {
            Error = t["CouncilAlreadyIssued", YearName(Year)];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Summary) || Summary.Length > 8000)
        {
            Error = t["ErrorCouncilSummary"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Db.Add(new CouncilReport
        {
            Id = Guid.NewGuid(),
            PlanId = Plan.Id,
            FiscalYear = Year,
            SummaryJa = Summary.Trim(),
            SnapshotJson = Snapshot.ToJson(),
            IssuedAt = Clock.GetUtcNow().UtcDateTime,
            IssuedBy = Access.Actor,
        });
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone issued it a moment earlier (unique index on plan and year): show theirs.
            Db.ChangeTracker.Clear();
        }

        return Redirect($"/staff/plan/council/{Year}");
    }

    public async Task<IActionResult> OnGetCsvAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadCouncilAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var rows = Snapshot.Projects.Select(p => new string?[]
        {
            p.Number.ToString(CultureInfo.InvariantCulture), p.Title, p.Department, t["ReportState_" + p.State].Value, p.Status,
            p.Progress?.ToString(CultureInfo.InvariantCulture), p.Rating, p.Done, p.Issues, p.Comment, p.NextYearPlanComment,
        });
        var bytes = Csv.Write(["事業No", "事業名", "担当課", "報告の状態", "状況", "進捗率(%)", "評価", "実施内容", "課題", "評価コメント", "来期計画への評価"], rows);
        return File(bytes, Csv.ContentType, $"council-report-{Year}{(Issued is null ? "-draft" : "")}.csv");
    }

    private async Task<IActionResult?> LoadCouncilAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Plan.Covers(year))
        {
            return NotFound();
        }

        if (!Access.CanEvaluate)
        {
            return Forbid();
        }

        Year = year;
        Issued = await Db.Set<CouncilReport>().AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == Plan.Id && c.FiscalYear == year, cancellationToken);
        if (Issued is not null)
        {
            Snapshot = CouncilSnapshot.FromJson(Issued.SnapshotJson);
            return null;
        }

        var tree = await PlanTree.LoadAsync(Db, Plan, year, ReportVisibility.Accepted, cancellationToken);
        var reports = await Db.Set<ProgressReport>().AsNoTracking().Where(r => r.PlanId == Plan.Id && r.FiscalYear == year).ToListAsync(cancellationToken);
        var goals = await PlanQueries.GoalsAsync(Db, Plan.Id, cancellationToken);
        var statuses = await PlanQueries.StatusesAsync(Db, cancellationToken);
        var departments = await Db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        Snapshot = CouncilSnapshot.Build(tree, reports, goals, statuses, departments, FiscalYears.TodayInJapan(Clock));
        return null;
    }
}
