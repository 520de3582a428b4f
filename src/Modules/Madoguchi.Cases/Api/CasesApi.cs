using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Inbox;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Cases.Api;

/// <summary>
/// <c>/api/v1/cases</c>: the department inbox, a case with its history, checks and route, and the
/// actions of the one transition table. For signed-in staff (their departments' cases) and for API
/// keys with the <c>cases</c> scope. Every opening of a case is audited.
/// </summary>
public static class CasesApi
{
    public const int PageSize = 50;

    public sealed record CaseSummaryDto(Guid Id, string ReceiptNumber, string Procedure, string ProcedureTitle, Guid DepartmentId, string Status, string StatusLabel,
        string? Assignee, string? DueDate, bool Overdue, DateTime SubmittedAt, int Version)
    {
        /// <summary><c>web</c> or <c>api</c> (online), or <c>counter</c> (窓口: entered by staff with the citizen).</summary>
        public string Channel { get; init; } = "web";

        /// <summary>For a counter submission: the staff member who entered it.</summary>
        public string? EnteredBy { get; init; }
    }

    /// <summary>Online rate (オンライン化率) of one procedure: online (web and API) submissions against counter ones.</summary>
    public sealed record ChannelRow(string Procedure, Guid DepartmentId, int Online, int Counter, double? OnlineRate);

    public sealed record CasePageDto(int Page, int PageSize, int Total, IReadOnlyList<CaseSummaryDto> Items);

    public sealed record CheckDto(string Kind, bool Passed, string Message);

    public sealed record EventDto(DateTime At, string Actor, string Action, string From, string To, string? Comment);

    public sealed record NoteDto(DateTime At, string Author, string Text);

    /// <summary>電子印: name, date and title of a decision.</summary>
    public sealed record DecisionDto(int Round, int Step, string Kind, string Role, string Name, string? Title, DateTime At, string? DeputyFor, string? Comment, bool Voided);

    public sealed record StepDto(int Index, IReadOnlyList<string> Roles, bool Parallel, string Name, string State, IReadOnlyList<string> Pending);

    public sealed record RouteDto(int Round, int CurrentStep, bool Approved, IReadOnlyList<StepDto> Steps, IReadOnlyList<DecisionDto> Decisions);

    public sealed record CaseDetailDto(CaseSummaryDto Case, IReadOnlyList<string> AllowedActions, IReadOnlyList<CheckDto> Checks, IReadOnlyList<EventDto> History,
        IReadOnlyList<NoteDto> Notes, RouteDto Route, JsonElement? Answers)
    {
        /// <summary>補正依頼 with their state and, once answered, the diff (個人番号 masked).</summary>
        public IReadOnlyList<Corrections.CorrectionsApi.CorrectionDto> Corrections { get; init; } = [];

        /// <summary>The notices sent to the applicant and their delivery state.</summary>
        public IReadOnlyList<Corrections.CorrectionsApi.NotificationDto> Notifications { get; init; } = [];
    }

    public sealed record ActionRequest(string? Action, string? Comment, int? Version, string? DeputyFor, string? To)
    {
        /// <summary>request-correction: the field keys the applicant must correct.</summary>
        public IReadOnlyList<string>? Fields { get; init; }

        /// <summary>request-correction: the applicant must add documents (the form's file questions).</summary>
        public bool Documents { get; init; }

        /// <summary>request-correction: what the applicant must do (defaults to the comment).</summary>
        public string? Message { get; init; }
    }

    public sealed record NoteRequest(string? Text);

    public sealed record AssignRequest(Guid? UserId);

    public sealed record StatisticsRow(Guid DepartmentId, string Status, int Count, int Overdue);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(CasesModule.StaffOrKeyPolicy);
        api.MapGet("", List).WithName("ListCases")
            .WithSummary("案件一覧: the cases of your departments (an API key: of the organisation): open ones by due date (overdue first, none last), then closed ones; status=received|under-review|awaiting-correction|in-approval|completed|rejected|withdrawn, department (code or id), procedure (slug), assignee (me|unassigned), q (part of the 受付番号), page (from 1, 50 a page).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/export.csv", Export).WithName("ExportCases")
            .WithSummary("受付一覧のCSV: the same cases and filters as the list (status, department, procedure, assignee=me|unassigned, q = part of the 受付番号), every match (at most 50,000) as text/csv in UTF-8 with a BOM (Excel opens the Japanese correctly) and CRLF. Audited as a read of personal data.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/statistics", Statistics).WithName("CaseStatistics")
            .WithSummary("Counts of cases by department and status, with how many are overdue: no personal data (情報政策課 and system admins).")
            .RequireAuthorization(CasesModule.StatisticsPolicy);
        api.MapGet("/statistics/channels", Channels).WithName("CaseChannelStatistics")
            .WithSummary("Online rate per procedure: online (web, API) and counter (窓口) submissions counted apart")
            .RequireAuthorization(CasesModule.StatisticsPolicy);
        api.MapGet("/{id:guid}", Get).WithName("GetCase")
            .WithSummary("A case with its answers, automatic-check results, history, notes, approval route state and the actions allowed now. Audited as a read of personal data.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/actions", Act).WithName("TakeCaseAction")
            .WithSummary("{ action: accept|request-correction|submit-for-approval|approve|send-back|withdraw|reject|complete|withdraw-application, comment, version, deputyFor (代決: the absent approver's role), to (send-back: previous|drafter), fields + documents + message (request-correction: 補正依頼, emails the applicant a one-time link) } → 200 the case; 409 with allowedActions when the status does not allow it or another change won; 403 when you may not; 412 when version is stale.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/notes", AddNote).WithName("AddCaseNote")
            .WithSummary("内部メモ: adds an internal note ({ text }, at most 4000 characters).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/assignee", Assign).WithName("AssignCase")
            .WithSummary("担当者: assigns the case to a staff member of its department ({ userId }).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static async Task<Results<Ok<CasePageDto>, ProblemHttpResult>> List(string? status, string? department, string? procedure, string? assignee, string? q, int? page,
        ClaimsPrincipal user, MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return Forbidden();
        }

        if (await FilterAsync(db, status, department, procedure, assignee, q, cancellationToken) is not { } filter)
        {
            return InvalidStatus();
        }

        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / PageSize);
        var today = CaseService.TodayInJapan(clock);
        var total = await CaseInbox.Query(db, actor, filter).CountAsync(cancellationToken);
        var items = await CaseInbox.PageAsync(db, actor, filter, (number - 1) * PageSize, PageSize, cancellationToken);
        var english = English;
        return TypedResults.Ok(new CasePageDto(number, PageSize, total, [.. items.Select(c => Summary(c, today, english))]));
    }

    private static async Task<IResult> Export(string? status, string? department, string? procedure, string? assignee, string? q,
        ClaimsPrincipal user, MadoguchiDb db, CaseService cases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return Forbidden();
        }

        if (await FilterAsync(db, status, department, procedure, assignee, q, cancellationToken) is not { } filter)
        {
            return InvalidStatus();
        }

        var file = await CaseInbox.ExportAsync(db, cases, actor, filter, clock, "api", English, cancellationToken);
        return TypedResults.File(file, "text/csv; charset=utf-8", CaseInbox.FileName(clock));
    }

    /// <summary>The list's query parameters as a <see cref="CaseFilter"/>; null when the status is not one of the wire names.</summary>
    private static async Task<CaseFilter?> FilterAsync(MadoguchiDb db, string? status, string? department, string? procedure, string? assignee, string? q, CancellationToken cancellationToken)
    {
        CaseStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            parsed = TransitionTable.ParseStatus(status);
            if (parsed is null)
            {
                return null;
            }
        }

        Guid? departmentId = null;
        if (!string.IsNullOrEmpty(department))
        {
            departmentId = Guid.TryParse(department, out var g) ? g
                : await db.Departments.AsNoTracking().Where(d => d.Code == department).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return new CaseFilter(parsed, string.IsNullOrEmpty(procedure) ? null : procedure, CaseFilter.ParseAssignee(assignee), q, departmentId);
    }

    private static ProblemHttpResult InvalidStatus() =>
        Problem(StatusCodes.Status400BadRequest, "invalid-status", "status は received・under-review・awaiting-correction・in-approval・completed・rejected・withdrawn のいずれかです。",
            "status must be received, under-review, awaiting-correction, in-approval, completed, rejected or withdrawn.");

    internal static CaseSummaryDto Summary(Case c, DateOnly today, bool english) => new(
        c.Id, c.ReceiptNumber, c.ProcedureSlug, english ? c.ProcedureTitleEn : c.ProcedureTitleJa, c.DepartmentId, TransitionTable.WireName(c.Status),
        TransitionTable.Label(c.Status, english), c.AssigneeName, c.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.IsOverdue(today), c.SubmittedAt, c.Version)
    {
        Channel = c.Channel,
        EnteredBy = c.EnteredByName,
    };

    /// <summary>The online rate per procedure: counter submissions (書かない窓口) are counted apart from online ones.</summary>
    private static async Task<Ok<List<ChannelRow>>> Channels(MadoguchiDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ChannelStatistics.ComputeAsync(db, cancellationToken))
            .Select(r => new ChannelRow(r.ProcedureSlug, r.DepartmentId, r.Online, r.Counter, r.OnlineRate)).ToList());

    private static async Task<Ok<List<StatisticsRow>>> Statistics(MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = CaseService.TodayInJapan(clock);
        var rows = await db.Set<Case>().AsNoTracking().Select(c => new { c.DepartmentId, c.Status, c.DueDate }).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.GroupBy(r => (r.DepartmentId, r.Status))
            .OrderBy(g => g.Key.DepartmentId).ThenBy(g => g.Key.Status)
            .Select(g => new StatisticsRow(g.Key.DepartmentId, TransitionTable.WireName(g.Key.Status), g.Count(),
                g.Count(r => r.DueDate is { } due && due < today && TransitionTable.IsOpen(r.Status))))
            .ToList());
    }

    private static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, MadoguchiDb db, CaseService cases,
        ISubmissionReader submissions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return Forbidden();
        }

        var @case = await cases.FindAsync(id, actor, cancellationToken);
        if (@case is null)
        {
            return NotFound();
        }

        await cases.RecordReadAsync(@case, "api", cancellationToken);
        return TypedResults.Ok(await DetailAsync(db, submissions, @case, clock, English, cancellationToken));
    }

    internal static async Task<CaseDetailDto> DetailAsync(MadoguchiDb db, ISubmissionReader submissions, Case @case, TimeProvider clock, bool english, CancellationToken cancellationToken)
    {
        var checks = await db.Set<CaseCheckResult>().AsNoTracking().Where(r => r.CaseId == @case.Id).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken);
        var notes = await db.Set<CaseNote>().AsNoTracking().Where(n => n.CaseId == @case.Id).ToListAsync(cancellationToken);
        var decisions = await db.Set<CaseDecision>().AsNoTracking().Where(d => d.CaseId == @case.Id).ToListAsync(cancellationToken);
        var submission = await submissions.FindAsync(@case.SubmissionId, cancellationToken);
        var steps = ApprovalRoute.Parse(@case.RouteJson);
        var pending = @case.Status == CaseStatus.InApproval ? ApprovalRoute.PendingRoles(@case, steps, decisions) : [];
        var route = new RouteDto(@case.RouteRound, @case.RouteStep, @case.RouteRound > 0 && ApprovalRoute.IsApproved(@case, steps),
            [.. steps.Select((s, i) => new StepDto(i, s.Roles, s.IsParallel, english ? s.NameEn : s.NameJa,
                @case.RouteRound == 0 || @case.Status != CaseStatus.InApproval && i >= @case.RouteStep ? "waiting"
                : i < @case.RouteStep ? "approved" : i == @case.RouteStep ? "current" : "waiting",
                i == @case.RouteStep ? pending : []))],
            [.. decisions.OrderBy(d => d.At).Select(d => new DecisionDto(d.Round, d.Step, d.Kind == DecisionKind.Approved ? (d.DeputyFor is null ? "approved" : "approved-as-deputy") : "sent-back",
                d.Role, d.UserName, d.Title, d.At, d.DeputyFor, d.Comment, d.Voided))]);
        JsonElement? answers = submission is null ? null : JsonSerializer.Deserialize<JsonElement>(submission.AnswersJson);
        return new CaseDetailDto(
            Summary(@case, CaseService.TodayInJapan(clock), english),
            [.. TransitionTable.AllowedIn(@case.Status).Select(TransitionTable.WireName)],
            [.. checks.Select(c => new CheckDto(c.Kind, c.Passed, english ? c.MessageEn : c.MessageJa))],
            [.. events.OrderBy(e => e.At).Select(e => new EventDto(e.At, e.ActorName, e.Action, TransitionTable.WireName(e.FromStatus), TransitionTable.WireName(e.ToStatus), e.Comment))],
            [.. notes.OrderBy(n => n.At).Select(n => new NoteDto(n.At, n.AuthorName, n.Text))],
            route,
            answers)
        {
            Corrections = await Corrections.CorrectionsApi.CorrectionsAsync(db, @case.Id, english, clock.GetUtcNow().UtcDateTime, cancellationToken),
            Notifications = await Corrections.CorrectionsApi.NotificationsAsync(db, @case.Id, cancellationToken),
        };
    }

    private static async Task<IResult> Act(Guid id, ActionRequest body, HttpRequest http, ClaimsPrincipal user, MadoguchiDb db, CaseService cases,
        ISubmissionReader submissions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return Forbidden();
        }

        if (TransitionTable.ParseAction(body?.Action) is not { } action)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-action",
                "action は accept・request-correction・submit-for-approval・approve・send-back・withdraw・reject・complete・withdraw-application のいずれかです。",
                "action must be accept, request-correction, submit-for-approval, approve, send-back, withdraw, reject, complete or withdraw-application.");
        }

        var version = body!.Version;
        if (version is null && http.Headers.IfMatch.FirstOrDefault() is { } ifMatch && int.TryParse(ifMatch.Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            version = v;
        }

        var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        if (comment is { Length: > 2000 })
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "comment-too-long", "コメントは2000文字以内にしてください。", "Keep the comment to 2000 characters or fewer.");
        }

        var result = action == CaseAction.RequestCorrection
            ? await http.HttpContext.RequestServices.GetRequiredService<Corrections.CorrectionService>().RequestAsync(id, actor,
                new Corrections.CorrectionInput(body.Fields ?? [], body.Documents, body.Message ?? comment, version), $"{http.Scheme}://{http.Host}", cancellationToken)
            : await cases.TakeAsync(id, actor, new CaseActionRequest(action, comment, version, body.DeputyFor, body.To == "previous"), cancellationToken);
        var allowed = result.Allowed.Select(TransitionTable.WireName).ToList();
        return result.Kind switch
        {
            ActionResultKind.Done => TypedResults.Ok(await DetailAsync(db, submissions, result.Case!, clock, English, cancellationToken)),
            ActionResultKind.NotFound => NotFound(),
            ActionResultKind.NotAllowed => Problem(StatusCodes.Status409Conflict, "action-not-allowed", result.MessageJa, result.MessageEn, allowed, result.Case),
            ActionResultKind.Conflict => Problem(StatusCodes.Status409Conflict, "concurrent-change", result.MessageJa, result.MessageEn, allowed, null),
            ActionResultKind.StaleVersion => Problem(StatusCodes.Status412PreconditionFailed, "stale-version", result.MessageJa, result.MessageEn, allowed, result.Case),
            ActionResultKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "action-forbidden", result.MessageJa, result.MessageEn, allowed, result.Case),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "invalid-action-request", result.MessageJa, result.MessageEn, allowed, result.Case),
        };
    }

    private static async Task<IResult> AddNote(Guid id, NoteRequest body, ClaimsPrincipal user, MadoguchiDb db, CaseService cases, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return Forbidden();
        }

        if (string.IsNullOrWhiteSpace(body?.Text) || body.Text.Length > 4000)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "invalid-note", "メモを4000文字以内で入力してください。", "Enter a note of at most 4000 characters.");
        }

        var note = await cases.AddNoteAsync(id, actor, body.Text, cancellationToken);
        return note is null ? NotFound() : TypedResults.Ok(new NoteDto(note.At, note.AuthorName, note.Text));
    }

    private static async Task<IResult> Assign(Guid id, AssignRequest body, ClaimsPrincipal user, MadoguchiDb db, CaseService cases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null || !actor.Roles.Contains(StaffRoles.Staff))
        {
            return Forbidden();
        }

        var result = await cases.AssignAsync(id, actor, body?.UserId ?? Guid.Empty, cancellationToken);
        return result.Kind switch
        {
            ActionResultKind.Done => TypedResults.Ok(Summary(result.Case!, CaseService.TodayInJapan(clock), English)),
            ActionResultKind.NotFound => NotFound(),
            ActionResultKind.Conflict => Problem(StatusCodes.Status409Conflict, "concurrent-change", result.MessageJa, result.MessageEn),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "invalid-assignee", result.MessageJa, result.MessageEn),
        };
    }

    private static ProblemHttpResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "case-not-found", "案件が見つかりません。ID と、担当課の案件かどうかを確かめてください。", "Case not found: check the id and that the case belongs to your department.");

    private static ProblemHttpResult Forbidden() =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "案件を扱う権限がありません。", "You may not work on cases.");

    private static ProblemHttpResult Problem(int status, string code, string ja, string en, IReadOnlyList<string>? allowed = null, Case? current = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (allowed is not null)
        {
            extensions["allowedActions"] = allowed;
        }

        if (current is not null)
        {
            extensions["caseStatus"] = TransitionTable.WireName(current.Status);
            extensions["version"] = current.Version;
        }

        return TypedResults.Problem(statusCode: status, type: "https://madoguchi.example/problems/" + code, title: $"{ja} / {en}", detail: $"{ja} {en}", extensions: extensions);
    }
}
