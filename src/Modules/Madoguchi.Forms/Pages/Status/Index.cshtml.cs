using System.Globalization;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Receipts;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Forms.Pages.Status;

/// <summary>
/// 状況照会 and receipt (受付控え): the unguessable status URL shows the receipt number, where the
/// application stands, what happens next and the answers as submitted (with the form version they
/// were made with). <c>Accept: application/json</c> gets the same as JSON.
/// </summary>
public sealed class IndexModel(SubmissionService submissions, FormVersions versions, IProcedureCatalog catalog, UploadStore uploads, MadoguchiDb db, IEnumerable<IApplicationStatusSteps> statusSteps, IEnumerable<ISubmissionFeeStatus> feeStatus, TenantContext tenant, IStringLocalizer<FormsResource> text, TimeProvider clock) : PageModel
{
    public sealed record StatusDto(string ReceiptNumber, string Procedure, string ProcedureTitle, string Status, string StatusText, DateTimeOffset SubmittedAt, int FormVersion, decimal? Fee, string? Department, int? StandardProcessingDays)
    {
        public IReadOnlyList<StepDto> Steps { get; init; } = [];
    }

    public sealed record StepDto(string Kind, DateTimeOffset At, string Title, string Text, bool Current, bool NeedsAction);

    public Submission? Submission { get; private set; }

    public ProcedureInfo? Procedure { get; private set; }

    public string? DepartmentName { get; private set; }

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public IReadOnlyList<ComputedResult> Computed { get; private set; } = [];

    public int FormVersion { get; private set; }

    /// <summary>The fee's payment (from the payments module, through the contract); null when none was asked for.</summary>
    public SubmissionFeeState? Fee { get; private set; }

    /// <summary>状況照会: each step so far in plain words (from case processing, through the contract).</summary>
    public IReadOnlyList<ApplicationStatusStep> Steps { get; private set; } = [];

    /// <summary>The step the application is at now, if case processing has started.</summary>
    public ApplicationStatusStep? Current => Steps.Count > 0 ? Steps[^1] : null;

    public bool English { get; } = FormJourney.English;

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public DateTime SubmittedAtJapan => SubmissionService.ToJapanTime(Submission!.SubmittedAt);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return WantsJson
                ? new JsonResult(new { type = "about:blank", title = "見つかりません / Not found", status = 404, detail = "この照会用URLの申請はありません。メールのリンクを確かめてください。 No application has this status URL; check the link in your email." }) { StatusCode = 404, ContentType = "application/problem+json" }
                : NotFound();
        }

        if (WantsJson)
        {
            var fee = Computed.FirstOrDefault(c => c.Definition.IsFee)?.Value;
            return new JsonResult(new StatusDto(Submission!.ReceiptNumber, Submission.ProcedureSlug, Title, Submission.Status.ToString(), StatusText,
                new DateTimeOffset(DateTime.SpecifyKind(Submission.SubmittedAt, DateTimeKind.Utc)), FormVersion, fee, DepartmentName, Procedure?.StandardProcessingDays)
            {
                Steps = [.. Steps.Select(s => new StepDto(s.Kind, new DateTimeOffset(DateTime.SpecifyKind(s.At, DateTimeKind.Utc)), English ? s.TitleEn : s.TitleJa, English ? s.TextEn : s.TextJa, s.IsCurrent, s.NeedsAction))],
            });
        }

        return Page();
    }

    /// <summary>
    /// 受付控え (PDF): the same receipt, as a download. The same capability as the page (the status token, never
    /// the receipt number) and, like the page, not cached anywhere.
    /// </summary>
    public async Task<IActionResult> OnGetPdfAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        var pdf = ReceiptPdf.Render(PdfContent());
        Response.Headers.ContentDisposition = ReceiptPdf.ContentDisposition(Submission!.ReceiptNumber, English);
        return File(pdf, "application/pdf");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Token = token;
        Submission = await submissions.FindByStatusTokenAsync(token, cancellationToken);
        if (Submission is null)
        {
            return false;
        }

        foreach (var source in statusSteps)
        {
            Steps = await source.StepsAsync(Submission.Id, cancellationToken);
        }

        foreach (var source in feeStatus)
        {
            Fee = await source.ForReceiptAsync(Submission.ReceiptNumber, cancellationToken);
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

        return true;
    }

    private ReceiptPdfContent PdfContent()
    {
        var s = Submission!;
        var city = tenant.Organization is { } organization ? (English ? organization.NameEn : organization.NameJa) : "Madoguchi";
        var facts = new List<(string, string)>
        {
            (text["StatusProcedure"], Title),
            (text["StatusSubmittedAt"], ReceiptPdf.ReceivedAt(SubmittedAtJapan, English)),
            (text["StatusNow"], StatusText),
        };
        if (DepartmentName is not null)
        {
            facts.Add((text["StatusDepartment"], DepartmentName));
        }

        if (Procedure?.StandardProcessingDays is { } days)
        {
            facts.Add((text["StatusProcessing"], text["StatusProcessingDays", days]));
        }

        foreach (var value in Computed)
        {
            facts.Add((value.Definition.Label.Get(English), value.Value.ToString("#,0.##", CultureInfo.InvariantCulture) + value.Definition.Unit?.Get(English)));
        }

        if (Fee is { Paid: true } paid)
        {
            facts.Add((text["ReceiptPdfFee"], text["StatusFeePaid", paid.PaidYen.ToString("#,0", CultureInfo.InvariantCulture)]));
        }
        else if (Computed.FirstOrDefault(c => c.Definition.IsFee)?.Value is > 0)
        {
            facts.Add((text["ReceiptPdfFee"], text["ReceiptPdfFeeUnpaid"]));
        }

        // Where it stands is in the facts (現在の状況); this is the general "what happens next" of the page.
        var next = text["StatusNextText"].Value;
        var contact = DepartmentName is null ? text["ReceiptPdfContactCity", city, s.ReceiptNumber] : text["ReceiptPdfContactText", city, DepartmentName, s.ReceiptNumber];
        var statusUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/status/{Token}";
        var issued = ReceiptPdf.ReceivedAt(SubmissionService.ToJapanTime(clock.GetUtcNow().UtcDateTime), English);
        return new ReceiptPdfContent(
            city, text["ReceiptPdfTitle"], text["ReceiptNumberLabel"], s.ReceiptNumber, facts,
            text["ReceiptPdfStatusUrl"], statusUrl, text["ReceiptPdfStatusUrlNote"],
            text["StatusAnswers"], text["StatusAnswersVersion", FormVersion],
            [.. Sections.Select(section => (section.Step.Title.Get(English), section.Rows))],
            text["StatusNextTitle"], next, text["ReceiptPdfContact"], contact,
            text["ReceiptPdfFooter", city, s.ReceiptNumber, issued], English);
    }

    public string Token { get; private set; } = "";

    public static DateTime Japan(DateTime utc) => SubmissionService.ToJapanTime(utc);

    public string Title => Procedure is null ? Submission!.ProcedureSlug : English ? Procedure.TitleEn : Procedure.TitleJa;

    public string StatusText => Current is { } current ? (English ? current.TitleEn : current.TitleJa) : Submission!.Status switch
    {
        SubmissionStatus.Received => English ? "Received: waiting for the department to start processing" : "受付済み：担当課での確認を待っています",
        _ => Submission.Status.ToString(),
    };

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
