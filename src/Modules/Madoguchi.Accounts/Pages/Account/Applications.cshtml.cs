using System.Globalization;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// マイページ（申請の一覧）: the signed-in citizen's drafts (continue), submitted applications with their
/// current status in plain words, and the notices about them. Read through the forms and cases modules'
/// contracts; the view is audited (it shows the citizen's applications).
/// </summary>
[Authorize(AuthenticationSchemes = CitizenSession.Scheme)]
public sealed class ApplicationsModel(MadoguchiDb db, CitizenSession session, ICitizenApplications applications, IProcedureCatalog catalog, IServiceProvider services) : PageModel
{
    public sealed record Row(string Slug, string Title, DateTime At, string? ReceiptNumber, string? StatusUrl, string? Status, Guid? SubmissionId);

    public string Email { get; private set; } = "";

    public IReadOnlyList<Row> Drafts { get; private set; } = [];

    public IReadOnlyList<Row> Submitted { get; private set; } = [];

    public IReadOnlyList<(CitizenNotice Notice, string? ReceiptNumber)> Notices { get; private set; } = [];

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string JapanTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))
            .ToString(English ? "d MMM yyyy HH:mm" : "yyyy年M月d日 HH:mm", English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id
            || await db.Set<CitizenAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
        {
            return Challenge(CitizenSession.Scheme);
        }

        Email = account.Email;
        var all = await applications.ForAccountAsync(account.Id, cancellationToken);
        var titles = (await catalog.ListAsync(cancellationToken)).ToDictionary(p => p.Slug, p => English ? p.TitleEn : p.TitleJa, StringComparer.Ordinal);
        var steps = services.GetService<IApplicationStatusSteps>();
        var drafts = new List<Row>();
        var submitted = new List<Row>();
        foreach (var a in all)
        {
            var title = titles.GetValueOrDefault(a.ProcedureSlug, a.ProcedureSlug);
            if (a.SubmissionId is not { } submissionId)
            {
                drafts.Add(new Row(a.ProcedureSlug, title, a.LastActivityAt, null, null, null, null));
                continue;
            }

            string? status = null;
            if (steps is not null)
            {
                var current = (await steps.StepsAsync(submissionId, cancellationToken)).LastOrDefault(s => s.IsCurrent);
                status = current is null ? null : English ? current.TitleEn : current.TitleJa;
            }

            submitted.Add(new Row(a.ProcedureSlug, title, a.SubmittedAt ?? a.LastActivityAt, a.ReceiptNumber, a.StatusToken is null ? null : "/status/" + a.StatusToken, status, submissionId));
        }

        Drafts = drafts;
        Submitted = submitted;
        if (services.GetService<ICitizenNotices>() is { } notices && submitted.Count > 0)
        {
            var receipts = submitted.ToDictionary(s => s.SubmissionId!.Value, s => s.ReceiptNumber);
            Notices = [.. (await notices.ForSubmissionsAsync(receipts.Keys, cancellationToken)).Select(n => (n, receipts.GetValueOrDefault(n.SubmissionId)))];
        }

        session.Audit(account.Id, "citizen.applications_read", $"{drafts.Count} drafts, {submitted.Count} submissions, {Notices.Count} notices");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
