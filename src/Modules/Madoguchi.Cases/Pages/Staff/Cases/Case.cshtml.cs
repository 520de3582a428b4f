using System.Globalization;
using Madoguchi.Cases.Api;
using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Pages.Staff.Cases;

/// <summary>
/// 案件: one case of the member's department — the answers as submitted (with their form version), the
/// automatic-check flags, history, internal notes, assignment, the approval route with its 電子印, and
/// only the actions this member may take now. Every opening is audited. Actions go through
/// <see cref="CaseService"/> (the API's service) with the page's version: a stale page gets a conflict
/// message, the current state and the comment it typed back.
/// </summary>
[Authorize(Policy = "staff")]
public sealed class CaseModel(MadoguchiDb db, CaseService cases, ISubmissionReader submissions, ISubmissionAnswers answers, IPaymentStatus payments, TimeProvider clock) : PageModel
{
    public const int CommentMaxLength = 2000;
    public const int NoteMaxLength = 4000;

    public sealed record Member(Guid Id, string Name, string? Title);

    public sealed record PageError(string Field, string Message);

    public Case? Case { get; private set; }

    public CasesApi.CaseDetailDto? Detail { get; private set; }

    public SubmissionAnswers? Answers { get; private set; }

    public CaseAbilities Abilities { get; private set; } = new([], []);

    public IReadOnlyList<RouteStep> Steps { get; private set; } = [];

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>手数料: whether the application's fee is paid (payments module, through its contract).</summary>
    public PaymentStatusInfo? Fee { get; private set; }

    /// <summary>通知: each notice sent about the case with its delivery state (the outbox message's).</summary>
    public IReadOnlyList<Corrections.CorrectionsApi.NotificationDto> Notifications { get; private set; } = [];

    public CaseActor? Actor { get; private set; }

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public DateOnly Today { get; private set; }

    /// <summary>Typed text kept when the page comes back with an error or a conflict.</summary>
    public string? Comment { get; private set; }

    public string? NoteText { get; private set; }

    public string? DeputyFor { get; private set; }

    public string? SendBackTo { get; private set; }

    /// <summary>Someone else acted first: the page shows the current state and this message.</summary>
    public bool Conflict { get; private set; }

    public List<PageError> Errors { get; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ?? Page();

    /// <summary>One form, one button per allowed action (承認, 差戻し, 代決…), with the comment and the page's version.</summary>
    public async Task<IActionResult> OnPostActAsync(Guid id, string? act, string? comment, int version, string? deputyFor, string? sendBackTo, CancellationToken cancellationToken)
    {
        Comment = comment;
        DeputyFor = deputyFor;
        SendBackTo = sendBackTo;
        var action = act == "approve-as-deputy" ? CaseAction.Approve : TransitionTable.ParseAction(act);
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (action is null)
        {
            return BadRequest();
        }

        if (trimmed is { Length: > CommentMaxLength })
        {
            Errors.Add(new("comment", Text("コメントは2000文字以内にしてください。", "Keep the comment to 2000 characters or fewer.")));
            return await ShowAsync(id, cancellationToken) ?? Page();
        }

        if (act == "approve-as-deputy" && string.IsNullOrWhiteSpace(deputyFor))
        {
            Errors.Add(new("deputyFor", Text("代決する決裁者（役職）を選んでください。", "Choose the absent approver you approve for.")));
            return await ShowAsync(id, cancellationToken) ?? Page();
        }

        var actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var request = new CaseActionRequest(action.Value, trimmed, version, act == "approve-as-deputy" ? deputyFor : null, sendBackTo == "previous");
        var result = await cases.TakeAsync(id, actor, request, cancellationToken);
        switch (result.Kind)
        {
            case ActionResultKind.Done:
                return Redirect($"/staff/cases/{id}?done={act}");
            case ActionResultKind.NotFound:
                return NotFound();
            case ActionResultKind.StaleVersion or ActionResultKind.Conflict:
                Conflict = true;
                break;
            case ActionResultKind.Invalid when action == CaseAction.SendBack:
                Errors.Add(new("comment", Text(result.MessageJa, result.MessageEn)));
                break;
            default:
                Errors.Add(new(act == "approve-as-deputy" ? "deputyFor" : "comment", Text(result.MessageJa, result.MessageEn)));
                break;
        }

        return await ShowAsync(id, cancellationToken) ?? Page();
    }

    /// <summary>内部メモ: adds a note (never shown to the applicant).</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken)
    {
        NoteText = text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > NoteMaxLength)
        {
            Errors.Add(new("note-text", Text("メモを4000文字以内で入力してください。", "Enter a note of at most 4000 characters.")));
            return await ShowAsync(id, cancellationToken) ?? Page();
        }

        var actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var note = await cases.AddNoteAsync(id, actor, text, cancellationToken);
        return note is null ? NotFound() : Redirect($"/staff/cases/{id}?done=note#notes");
    }

    /// <summary>担当者: to me, or to a member of the case's department.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? assignee, CancellationToken cancellationToken)
    {
        var actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var target = assignee == "me" ? actor.UserId : Guid.TryParse(assignee, out var g) ? g : null;
        if (target is null)
        {
            Errors.Add(new("assignee", Text("担当者を選んでください。", "Choose the assignee.")));
            return await ShowAsync(id, cancellationToken) ?? Page();
        }

        var result = await cases.AssignAsync(id, actor, target.Value, cancellationToken);
        switch (result.Kind)
        {
            case ActionResultKind.Done:
                return Redirect($"/staff/cases/{id}?done=assign");
            case ActionResultKind.NotFound:
                return NotFound();
            case ActionResultKind.Conflict:
                Conflict = true;
                break;
            default:
                Errors.Add(new("assignee", Text(result.MessageJa, result.MessageEn)));
                break;
        }

        return await ShowAsync(id, cancellationToken) ?? Page();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public string Text(string ja, string en) => English ? en : ja;

    /// <summary>電子印の日付: 和暦 in Japanese (令和8年12月7日), ISO in English; Japan time.</summary>
    public string SealDate(DateTime utc)
    {
        var date = DateOnly.FromDateTime(utc.AddHours(9));
        if (English)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var (era, start) = date >= new DateOnly(2019, 5, 1) ? ("令和", 2018) : ("平成", 1988);
        var year = date.Year - start;
        return $"{era}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
    }

    public static string JapanTime(DateTime utc) => utc.AddHours(9).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Loads the case for this member (404 for another department's case), audits the opening, and fills the page.</summary>
    private async Task<IActionResult?> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (Actor is null)
        {
            return Forbid();
        }

        // Read afresh (a conflict must show what is there now, not what this request tracked).
        db.ChangeTracker.Clear();
        Case = await cases.FindAsync(id, Actor, cancellationToken);
        if (Case is null)
        {
            return NotFound();
        }

        await cases.RecordReadAsync(Case, "page", cancellationToken);
        Today = CaseService.TodayInJapan(clock);
        Detail = await CasesApi.DetailAsync(db, submissions, Case, clock, English, cancellationToken);
        Answers = await answers.SummarizeAsync(Case.SubmissionId, cancellationToken);
        Fee = await payments.ForReferenceAsync(PaymentReferences.Submission(Case.ReceiptNumber), cancellationToken);
        Notifications = Detail.Notifications;
        Steps = ApprovalRoute.Parse(Case.RouteJson);
        var decisions = await db.Set<CaseDecision>().AsNoTracking().Where(d => d.CaseId == Case.Id).ToListAsync(cancellationToken);
        Abilities = CaseAbilities.For(Case, Actor, decisions);
        var departmentId = Case.DepartmentId;
        Members = await db.DepartmentMemberships.AsNoTracking().Where(m => m.DepartmentId == departmentId)
            .Join(db.Users.AsNoTracking(), m => m.UserId, u => u.Id, (m, u) => new Member(u.Id, u.DisplayName, u.Title))
            .ToListAsync(cancellationToken);
        Members = [.. Members.OrderBy(m => m.Name, StringComparer.Ordinal)];
        return null;
    }
}
