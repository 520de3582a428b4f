using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Status;

/// <summary>
/// 状況照会 and receipt (受付控え): the unguessable status URL shows the receipt number, where the
/// application stands, what happens next and the answers as submitted (with the form version they
/// were made with). <c>Accept: application/json</c> gets the same as JSON.
/// </summary>
public sealed class IndexModel(SubmissionService submissions, FormVersions versions, IProcedureCatalog catalog, UploadStore uploads, MadoguchiDb db) : PageModel
{
    public sealed record StatusDto(string ReceiptNumber, string Procedure, string ProcedureTitle, string Status, string StatusText, DateTimeOffset SubmittedAt, int FormVersion, decimal? Fee, string? Department, int? StandardProcessingDays);

    public Submission? Submission { get; private set; }

    public ProcedureInfo? Procedure { get; private set; }

    public string? DepartmentName { get; private set; }

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public IReadOnlyList<ComputedResult> Computed { get; private set; } = [];

    public int FormVersion { get; private set; }

    public bool English { get; } = FormJourney.English;

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public DateTime SubmittedAtJapan => SubmissionService.ToJapanTime(Submission!.SubmittedAt);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Submission = await submissions.FindByStatusTokenAsync(token, cancellationToken);
        if (Submission is null)
        {
            return WantsJson
                ? new JsonResult(new { type = "about:blank", title = "見つかりません / Not found", status = 404, detail = "この照会用URLの申請はありません。メールのリンクを確かめてください。 No application has this status URL; check the link in your email." }) { StatusCode = 404, ContentType = "application/problem+json" }
                : NotFound();
        }

        Procedure = await catalog.FindAsync(Submission.ProcedureSlug, cancellationToken);
        var form = await versions.GetAsync(Submission.FormVersionId, cancellationToken);
        FormVersion = form?.Number ?? 0;
        var department = Procedure is null ? null : await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == Procedure.ResponsibleDepartmentId, cancellationToken);
        DepartmentName = department is null ? null : English ? department.NameEn : department.NameJa;
        if (form is not null)
        {
            var files = Submission.DraftId is { } draftId ? await uploads.ForDraftAsync(draftId, cancellationToken) : [];
            var context = new FormContext(SubmissionService.Today(Submission.SubmittedAt)) { FindUpload = id => files.GetValueOrDefault(id) };
            Sections = FormEngine.Summarize(form.Definition, Submission.Answers(), context);
            Computed = FormEngine.Compute(form.Definition, Submission.Answers());
        }

        if (WantsJson)
        {
            var fee = Computed.FirstOrDefault(c => c.Definition.IsFee)?.Value;
            return new JsonResult(new StatusDto(Submission.ReceiptNumber, Submission.ProcedureSlug, Title, Submission.Status.ToString(), StatusText,
                new DateTimeOffset(DateTime.SpecifyKind(Submission.SubmittedAt, DateTimeKind.Utc)), FormVersion, fee, DepartmentName, Procedure?.StandardProcessingDays));
        }

        return Page();
    }

    public string Title => Procedure is null ? Submission!.ProcedureSlug : English ? Procedure.TitleEn : Procedure.TitleJa;

    public string StatusText => Submission!.Status switch
    {
        SubmissionStatus.Received => English ? "Received: waiting for the department to start processing" : "受付済み：担当課での確認を待っています",
        _ => Submission.Status.ToString(),
    };

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
