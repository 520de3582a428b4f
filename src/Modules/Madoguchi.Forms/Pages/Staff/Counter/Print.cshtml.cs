using Madoguchi.Forms.Counter;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Staff.Counter;

/// <summary>
/// 申請書（控え）: the printable application for the citizen's records, with 受付番号, date, who
/// entered it, and the answers as the form version renders them (print CSS: A4, no navigation).
/// Staff of the procedure's department only; each opening is audited (the answers are personal data).
/// </summary>
[Authorize(Policy = "staff")]
public sealed class PrintModel(IProcedureCatalog catalog, FormVersions versions, UploadStore uploads, MadoguchiDb db, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public Submission? Submission { get; private set; }

    public ProcedureInfo? Procedure { get; private set; }

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public IReadOnlyList<ComputedResult> Computed { get; private set; } = [];

    public bool English { get; } = FormJourney.English;

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Submission = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        Procedure = Submission is null ? null : await catalog.FindAsync(Submission.ProcedureSlug, cancellationToken);
        var scope = await CounterDesk.ScopeAsync(db, User, cancellationToken);
        if (Submission is null || Procedure is null || !scope.Allows(Procedure.ResponsibleDepartmentId))
        {
            return NotFound();
        }

        var form = await versions.GetAsync(Submission.FormVersionId, cancellationToken);
        if (form is not null)
        {
            var files = Submission.DraftId is { } draftId ? await uploads.ForDraftAsync(draftId, cancellationToken) : [];
            var context = new FormContext(SubmissionService.Today(Submission.SubmittedAt)) { FindUpload = f => files.GetValueOrDefault(f) };
            Sections = FormEngine.Summarize(form.Definition, Submission.Answers(), context);
            Computed = FormEngine.Compute(form.Definition, Submission.Answers());
        }

        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "submission.personal_data_read", nameof(Submission), Submission.Id.ToString(), "counter print", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
