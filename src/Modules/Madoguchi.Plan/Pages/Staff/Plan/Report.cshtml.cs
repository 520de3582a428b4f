using System.Globalization;
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
/// One department's yearly report on one project: the department writes, saves and submits it; the
/// IT policy division evaluates it (rating, comment, comment on next year's plan) and accepts or
/// returns it. A submitted or accepted report is read-only (ADR 0022).
/// </summary>
public sealed class ReportModel(MadoguchiDb db, TimeProvider clock, IStringLocalizer<PlanResource> t) : StaffPlanModel(db, clock)
{
    public PlanTreeNode Project { get; private set; } = null!;
    public Department Department { get; private set; } = null!;
    public int Year { get; private set; }
    public ProgressReport? Report { get; private set; }
    public IReadOnlyList<ProgressStatus> Statuses { get; private set; } = [];
    public ProgressReport? PreviousYear { get; private set; }

    /// <summary>Field id → message, in the order the fields appear.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty] public string? StatusChoice { get; set; }
    [BindProperty] public string? ProgressPercent { get; set; }
    [BindProperty] public string? Done { get; set; }
    [BindProperty] public string? Issues { get; set; }
    [BindProperty] public string? NextYearPlan { get; set; }
    [BindProperty] public string? IndicatorValues { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Command { get; set; }

    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? EvaluationComment { get; set; }
    [BindProperty] public string? NextYearPlanComment { get; set; }
    [BindProperty] public string? ReturnReason { get; set; }

    public bool CanWrite => Access.CanWrite(Department.Id) && (Report is null || Report.IsEditable);
    public bool CanEvaluate => Access.CanEvaluate && Report?.State == ReportState.Submitted;

    public string StatusName(string code) => Statuses.FirstOrDefault(s => s.Code == code)?.Name(English) ?? code;

    public async Task<IActionResult> OnGetAsync(int number, string department, int? year, string? done, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(number, department, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done is null ? null : t["ReportDone_" + done].Value;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int number, string department, int? year, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(number, department, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Access.CanWrite(Department.Id))
        {
            return Forbid();
        }

        var status = Statuses.FirstOrDefault(s => s.Code == StatusChoice);
        if (status is null)
        {
            Errors["status-" + (Statuses.Count > 0 ? Statuses[0].Code : "none")] = t["ErrorStatusRequired"];
        }

        int? progress = null;
        if (!string.IsNullOrWhiteSpace(ProgressPercent))
        {
            if (int.TryParse(ProgressPercent.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            {
                progress = p;
            }
            else
            {
                Errors["ProgressPercent"] = t["ErrorProgressRange"];
            }
        }

        var submit = Command == "submit";
        if (submit && string.IsNullOrWhiteSpace(Done))
        {
            Errors["Done"] = t["ErrorDoneRequired"];
        }

        if (submit && string.IsNullOrWhiteSpace(NextYearPlan))
        {
            Errors["NextYearPlan"] = t["ErrorNextYearPlanRequired"];
        }

        foreach (var (field, value) in new[] { ("Done", Done), ("Issues", Issues), ("NextYearPlan", NextYearPlan), ("IndicatorValues", IndicatorValues) })
        {
            if (value is { Length: > ProgressReport.MaxTextLength })
            {
                Errors[field] = t["ErrorTooLong", ProgressReport.MaxTextLength];
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var report = Report is null ? null : await Db.Set<ProgressReport>().FirstAsync(r => r.Id == Report.Id, cancellationToken);
        if (report is null)
        {
            report = new ProgressReport
            {
                Id = Guid.NewGuid(),
                PlanId = Plan.Id,
                ProjectId = Project.Node.Id,
                DepartmentId = Department.Id,
                FiscalYear = Year,
                CreatedAt = now,
            };
            Db.Add(report);
        }
        else
        {
            // The revision the writer saw: if someone saved in between, this save must fail, not overwrite.
            Db.Entry(report).Property(r => r.Revision).OriginalValue = Revision;
        }

        var result = report.Edit(new ReportContent(progress, Done, Issues, NextYearPlan, IndicatorValues), status!, Access.Actor, now);
        if (result.Succeeded && submit)
        {
            result = report.Submit(Access.Actor, now);
        }

        if (!result.Succeeded)
        {
            Db.ChangeTracker.Clear();
            Errors["status-" + StatusChoice] = t["ReportError_" + result.Error];
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadReportAsync(number, department, year, cancellationToken);
            return Page();
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return await ConflictAsync(number, department, year, cancellationToken);
        }

        return Redirect($"/staff/plan/reports/{number}/{department}?year={Year}&done={(submit ? "submitted" : "saved")}");
    }

    public async Task<IActionResult> OnPostEvaluateAsync(int number, string department, int? year, CancellationToken cancellationToken)
    {
        if (await LoadReportAsync(number, department, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Access.CanEvaluate)
        {
            return Forbid();
        }

        if (Report is null)
        {
            return NotFound();
        }

        var report = await Db.Set<ProgressReport>().FirstAsync(r => r.Id == Report.Id, cancellationToken);
        Db.Entry(report).Property(r => r.Revision).OriginalValue = Revision;
        var now = Clock.GetUtcNow().UtcDateTime;
        ReportResult result;
        if (Command == "return")
        {
            result = report.Return(ReturnReason ?? "", Access.Actor, now);
            if (result.Error == ReportError.ReasonRequired)
            {
                Errors["ReturnReason"] = t["ErrorReturnReasonRequired"];
            }
        }
        else if (!Enum.TryParse<EvaluationRating>(Rating, out var rating) || !Enum.IsDefined(rating))
        {
            result = ReportResult.Fail(ReportError.CommentRequired);
            Errors["rating-A"] = t["ErrorRatingRequired"];
        }
        else
        {
            result = report.Accept(rating, EvaluationComment ?? "", NextYearPlanComment ?? "", Access.Actor, now);
            if (result.Error == ReportError.CommentRequired)
            {
                Errors["EvaluationComment"] = t["ErrorCommentRequired"];
            }
        }

        if (!result.Succeeded)
        {
            if (Errors.Count == 0)
            {
                Errors["EvaluationComment"] = t["ReportError_" + result.Error];
            }

            Db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadReportAsync(number, department, year, cancellationToken);
            Fill();
            return Page();
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return await ConflictAsync(number, department, year, cancellationToken);
        }

        return Redirect($"/staff/plan/reports/{number}/{department}?year={Year}&done={(Command == "return" ? "returned" : "accepted")}");
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrency token mismatch, or another writer created the same report first.
            Db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> ConflictAsync(int number, string department, int? year, CancellationToken cancellationToken)
    {
        await LoadReportAsync(number, department, year, cancellationToken);
        Errors["Done"] = t["ErrorConcurrentChange"];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void Fill()
    {
        if (Report is null)
        {
            return;
        }

        StatusChoice = Report.StatusCode;
        ProgressPercent = Report.StatusCode.Length == 0 ? "" : Report.ProgressPercent.ToString(CultureInfo.InvariantCulture);
        Done = Report.DoneJa;
        Issues = Report.IssuesJa;
        NextYearPlan = Report.NextYearPlanJa;
        IndicatorValues = Report.IndicatorValuesJa;
        Revision = Report.Revision;
    }

    /// <summary>Loads the plan, project, department and report; returns a refusal when the route or the caller's access does not allow it.</summary>
    private async Task<IActionResult?> LoadReportAsync(int number, string department, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Year = YearOrCurrent(year);
        if (year is { } asked && asked != Year)
        {
            return NotFound();
        }

        var tree = await PlanTree.LoadAsync(Db, Plan, Year, ReportVisibility.SubmittedOrAccepted, cancellationToken);
        var project = tree.Project(number);
        var dept = project?.Departments.FirstOrDefault(d => d.Code == department);
        if (project is null || dept is null)
        {
            return NotFound();
        }

        Project = project;
        Department = dept;
        if (!Access.CanRead(dept.Id))
        {
            return Forbid();
        }

        Report = await Db.Set<ProgressReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ProjectId == project.Node.Id && r.DepartmentId == dept.Id && r.FiscalYear == Year, cancellationToken);
        PreviousYear = await Db.Set<ProgressReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ProjectId == project.Node.Id && r.DepartmentId == dept.Id && r.FiscalYear == Year - 1, cancellationToken);
        await ProgressStatuses.EnsureDefaultsAsync(Db, cancellationToken);
        Statuses = await Db.Set<ProgressStatus>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        return null;
    }
}
