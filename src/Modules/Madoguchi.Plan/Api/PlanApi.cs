using System.Globalization;
using Madoguchi.Plan.Export;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Api;

/// <summary>
/// The DX plan as open data: plans, the tree with progress for a fiscal year, projects, priority goals
/// and the previous plan's items, as JSON and CSV. Public (no key); figures count evaluated reports only.
/// </summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/plans").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("Plan").AllowAnonymous();
        api.MapGet("", ListPlans).WithName("ListPlans").WithSummary("Published plans (計画) with their overall progress for the current fiscal year.");
        api.MapGet("/{id}", GetPlan).WithName("GetPlan")
            .WithSummary("A plan's tree (基本方針 → 施策 → 取組み → 事業) with weighted progress for a fiscal year (year=2026; default the current one).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/projects", ListProjects).WithName("ListPlanProjects")
            .WithSummary("A plan's numbered projects (事業) with departments, schedule and progress for a fiscal year.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/projects.csv", ProjectsCsv).WithName("PlanProjectsCsv").WithSummary("The projects as CSV (UTF-8 with BOM).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/goals", ListGoals).WithName("ListPlanGoals").WithSummary("Priority goals (重点目標) with baseline, target and measurements.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/goals.csv", GoalsCsv).WithName("PlanGoalsCsv").WithSummary("The priority goals' measurements as CSV.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/previous-items", ListPreviousItems).WithName("ListPreviousPlanItems")
            .WithSummary("The previous plan's items with their final status and the project number they continue as.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/previous-items.csv", PreviousItemsCsv).WithName("PreviousPlanItemsCsv").WithSummary("The previous plan's items as CSV.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/export.json", ExportPlan).WithName("ExportPlan")
            .WithSummary("The whole plan as one JSON document (format madoguchi-plan/1): tree with department codes and schedules, priority goal definitions, previous plan items; no ids. Staff can load it into another organisation at /staff/plan/import.")
            .Produces<PlanDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ExportPlan(string id, MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var document = await PlanDocument.ExportAsync(db, plan, cancellationToken);
        return TypedResults.Json(document, PlanDocument.JsonOptions, "application/json; charset=utf-8");
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static async Task<Ok<List<PlanSummaryDto>>> ListPlans(MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var plans = await db.Set<CityPlan>().AsNoTracking().Where(p => p.IsPublished).OrderByDescending(p => p.StartFiscalYear).ToListAsync(cancellationToken);
        var result = new List<PlanSummaryDto>();
        foreach (var plan in plans)
        {
            var year = PlanQueries.YearOrCurrent(plan, null, clock);
            var tree = await PlanTree.LoadAsync(db, plan, year, ReportVisibility.Accepted, cancellationToken);
            result.Add(new PlanSummaryDto(plan.Slug, plan.Title(English), plan.StartFiscalYear, plan.EndFiscalYear, plan.VisionJa, year, tree.Progress, $"/plan/{plan.Slug}"));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<PlanTreeDto>, ProblemHttpResult>> GetPlan(string id, int? year, MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var tree = await PlanTree.LoadAsync(db, plan, PlanQueries.YearOrCurrent(plan, year, clock), ReportVisibility.Accepted, cancellationToken);
        return TypedResults.Ok(tree.ToDto(English));
    }

    private static async Task<Results<Ok<List<ProjectDto>>, ProblemHttpResult>> ListProjects(string id, int? year, MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var tree = await PlanTree.LoadAsync(db, plan, PlanQueries.YearOrCurrent(plan, year, clock), ReportVisibility.Accepted, cancellationToken);
        var statuses = await PlanQueries.StatusesAsync(db, cancellationToken);
        return TypedResults.Ok(tree.Projects.Select(p => tree.ToProjectDto(p, statuses, English)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProjectsCsv(string id, int? year, MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var fiscalYear = PlanQueries.YearOrCurrent(plan, year, clock);
        var tree = await PlanTree.LoadAsync(db, plan, fiscalYear, ReportVisibility.Accepted, cancellationToken);
        var statuses = await PlanQueries.StatusesAsync(db, cancellationToken);
        return TypedResults.File(PlanExport.ProjectsCsv(tree, statuses), Csv.ContentType, $"{plan.Slug}-projects-{fiscalYear}.csv");
    }

    private static async Task<Results<Ok<List<GoalDto>>, ProblemHttpResult>> ListGoals(string id, MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var today = FiscalYears.TodayInJapan(clock);
        var goals = await PlanQueries.GoalsAsync(db, plan.Id, cancellationToken);
        return TypedResults.Ok(goals.Select(g => g.ToDto(today, English)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GoalsCsv(string id, MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        return TypedResults.File(PlanExport.GoalsCsv(await PlanQueries.GoalsAsync(db, plan.Id, cancellationToken)), Csv.ContentType, $"{plan.Slug}-goals.csv");
    }

    private static async Task<Results<Ok<List<PreviousItemDto>>, ProblemHttpResult>> ListPreviousItems(string id, MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        var items = await PlanQueries.PreviousItemsAsync(db, plan.Id, cancellationToken);
        return TypedResults.Ok(items.Select(i => i.ToDto(English)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviousItemsCsv(string id, MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (await PlanTree.FindPlanAsync(db, id, false, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        return TypedResults.File(PlanExport.PreviousItemsCsv(await PlanQueries.PreviousItemsAsync(db, plan.Id, cancellationToken)), Csv.ContentType, $"{plan.Slug}-previous-items.csv");
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "見つかりません / Not found",
        detail: "その計画はありません。一覧（/api/v1/plans）から選んでください。 There is no such plan; pick one from /api/v1/plans.");
}
