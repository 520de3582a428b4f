using System.Globalization;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>
/// The IT policy division edits the report status list (進捗状況の区分): add, rename (ja/en), change the
/// implied %, reorder, retire and restore. A status that reports use is never deleted, only retired
/// (reports keep showing it; new reports cannot choose it). Every change is audited.
/// </summary>
public sealed class StatusesModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PlanResource> t) : PageModel
{
    public IReadOnlyList<ProgressStatus> Statuses { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Uses { get; private set; } = new Dictionary<string, int>();
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The status being edited (null: the add form).</summary>
    [BindProperty] public Guid? StatusId { get; set; }
    [BindProperty] public string? NameJa { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Progress { get; set; }

    /// <summary>The id prefix of the fields being edited: <c>new</c> or <c>s-{id}</c>.</summary>
    public static string Prefix(Guid? id) => id is { } g ? $"s-{g:N}" : "new";

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done is null ? null : t["StatusDone_" + done].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var prefix = Prefix(StatusId);
        if (string.IsNullOrWhiteSpace(NameJa) || NameJa.Trim().Length > 100)
        {
            Errors[prefix + "-ja"] = t["ErrorStatusNameJa"];
        }

        if (NameEn?.Trim().Length > 100)
        {
            Errors[prefix + "-en"] = t["ErrorStatusNameEn"];
        }

        if (!int.TryParse(Progress?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var progress) || progress is < 0 or > 100)
        {
            Errors[prefix + "-progress"] = t["ErrorStatusProgress"];
        }

        var status = StatusId is { } id ? await db.Set<ProgressStatus>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (StatusId is not null && status is null)
        {
            return NotFound();
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (status is null)
        {
            status = new ProgressStatus { Id = Guid.NewGuid(), Code = "s-" + Guid.NewGuid().ToString("N")[..8], NameJa = "", SortOrder = (Statuses.Count == 0 ? 0 : Statuses.Max(s => s.SortOrder)) + 1 };
            db.Add(status);
        }

        status.NameJa = NameJa!.Trim();
        status.NameEn = NameEn?.Trim() ?? "";
        status.ImpliedProgress = progress;
        return await SaveAsync(status, StatusId is null ? "plan.status_added" : "plan.status_changed", $"{status.Code}: {status.NameJa} / {status.NameEn} = {progress}%", "saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, bool up, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var list = await db.Set<ProgressStatus>().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var index = list.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return NotFound();
        }

        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < list.Count)
        {
            (list[index], list[other]) = (list[other], list[index]);
        }

        for (var i = 0; i < list.Count; i++)
        {
            list[i].SortOrder = i + 1;
        }

        return await SaveAsync(list.First(s => s.Id == id), "plan.status_moved", up ? "up" : "down", "moved", cancellationToken);
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, bool retire, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var status = await db.Set<ProgressStatus>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return NotFound();
        }

        if (retire && !Statuses.Any(s => s.IsActive && s.Id != id))
        {
            Errors[$"retire-{id:N}"] = t["ErrorStatusLastActive"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        status.IsActive = !retire;
        return await SaveAsync(status, retire ? "plan.status_retired" : "plan.status_restored", status.Code, retire ? "retired" : "restored", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var status = await db.Set<ProgressStatus>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return NotFound();
        }

        if (Uses.GetValueOrDefault(status.Code) > 0)
        {
            Errors[$"retire-{id:N}"] = t["ErrorStatusInUse", Uses[status.Code]];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (!Statuses.Any(s => s.IsActive && s.Id != id))
        {
            Errors[$"retire-{id:N}"] = t["ErrorStatusLastActive"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Remove(status);
        return await SaveAsync(status, "plan.status_deleted", status.Code, "deleted", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(ProgressStatus status, string action, string details, string done, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, action, nameof(ProgressStatus), status.Id.ToString(), details, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/plan/statuses?done={done}");
    }

    /// <summary>Only the IT policy division; the organisation gets the default list the first time.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await PlanAccess.ForAsync(db, User, cancellationToken);
        if (!access.CanEvaluate)
        {
            return Forbid();
        }

        await ProgressStatuses.EnsureDefaultsAsync(db, cancellationToken);
        Statuses = await db.Set<ProgressStatus>().AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        Uses = await db.Set<ProgressReport>().GroupBy(r => r.StatusCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return null;
    }
}
