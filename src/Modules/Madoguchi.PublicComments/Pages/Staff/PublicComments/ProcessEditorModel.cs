using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>
/// Creating and editing a public comment process (意見募集の作成・編集). Only members of the responsible
/// department (担当課) and system administrators may do it. Until the period opens everything can be
/// changed; once open (or once an opinion exists) only the closing day (必着日) may be moved later.
/// Every change is written to the audit chain.
/// </summary>
public abstract partial class ProcessEditorModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PublicCommentsResource> t) : PageModel
{
    protected MadoguchiDb Db => db;
    protected IStringLocalizer<PublicCommentsResource> T => t;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The stored process when editing; null when creating.</summary>
    public PublicCommentProcess? Existing { get; private set; }

    /// <summary>Open already (or has opinions): only the closing day may be extended.</summary>
    public bool Locked { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<DraftMarkdown.Section> Preview { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; protected set; }

    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? ReceiptPrefix { get; set; }
    [BindProperty] public string? TitleJa { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? SummaryJa { get; set; }
    [BindProperty] public string? DepartmentId { get; set; }
    [BindProperty] public string? OpensOn { get; set; }
    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public bool ChannelWeb { get; set; }
    [BindProperty] public bool ChannelEmail { get; set; }
    [BindProperty] public bool ChannelFax { get; set; }
    [BindProperty] public bool ChannelPost { get; set; }
    [BindProperty] public bool RequireName { get; set; }
    [BindProperty] public bool RequireAddress { get; set; }
    [BindProperty] public bool RequireContact { get; set; }
    [BindProperty] public bool AskAgeGroup { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactFax { get; set; }
    [BindProperty] public string? ContactAddressJa { get; set; }
    [BindProperty] public string? ContactDepartmentJa { get; set; }
    [BindProperty] public string? Draft { get; set; }

    public static string SafeHtml(string markdown) => DraftMarkdown.ToSafeHtml(markdown);

    /// <summary>Departments the caller may run a process for: all for a system administrator, else their own.</summary>
    protected async Task<HashSet<Guid>?> AllowedDepartmentsAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(StaffRoles.SystemAdmin))
        {
            Departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
            return [.. Departments.Select(d => d.Id)];
        }

        if (!Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var mine = await db.DepartmentMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.DepartmentId).ToListAsync(cancellationToken);
        Departments = await db.Set<Department>().AsNoTracking().Where(d => mine.Contains(d.Id)).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return [.. mine];
    }

    /// <summary>Loads the process for editing; a refusal when it does not exist or is another department's.</summary>
    protected async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var allowed = await AllowedDepartmentsAsync(cancellationToken);
        var process = await db.Set<PublicCommentProcess>().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (process is null)
        {
            return NotFound();
        }

        if (allowed is null || !allowed.Contains(process.DepartmentId))
        {
            return Forbid();
        }

        Existing = process;
        Locked = process.HasOpened(Now)
            || await db.Set<Opinion>().AnyAsync(o => o.ProcessId == process.Id, cancellationToken)
            || await db.Set<OpinionGroup>().AnyAsync(g => g.ProcessId == process.Id, cancellationToken);
        return null;
    }

    protected void FillDefaults()
    {
        ReceiptPrefix = "PC";
        ChannelWeb = ChannelEmail = ChannelFax = ChannelPost = true;
        RequireName = RequireAddress = RequireContact = AskAgeGroup = true;
        DepartmentId = Departments.Count == 1 ? Departments[0].Id.ToString() : null;
    }

    protected async Task FillFromExistingAsync(CancellationToken cancellationToken)
    {
        var p = Existing!;
        (Slug, ReceiptPrefix, TitleJa, TitleEn, SummaryJa, DepartmentId) = (p.Slug, p.ReceiptPrefix, p.TitleJa, p.TitleEn, p.SummaryJa, p.DepartmentId.ToString());
        OpensOn = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(p.OpensAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ClosesOn = p.ReceivedBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (ChannelWeb, ChannelEmail, ChannelFax, ChannelPost) = (p.Accepts(OpinionChannels.Web), p.Accepts(OpinionChannels.Email), p.Accepts(OpinionChannels.Fax), p.Accepts(OpinionChannels.Post));
        (RequireName, RequireAddress, RequireContact, AskAgeGroup) = (p.RequireName, p.RequireAddress, p.RequireContact, p.AskAgeGroup);
        (ContactEmail, ContactFax, ContactAddressJa, ContactDepartmentJa) = (p.ContactEmail, p.ContactFax, p.ContactAddressJa, p.ContactDepartmentJa);
        var sections = await db.Set<DraftSection>().AsNoTracking().Where(s => s.ProcessId == p.Id).ToListAsync(cancellationToken);
        Draft = DraftMarkdown.Join(sections);
        Preview = [.. sections.OrderBy(s => s.Number).Select(s => new DraftMarkdown.Section(s.HeadingJa, s.BodyJa))];
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private void Check(string field, bool ok, string key, params object[] arguments)
    {
        if (!ok && !Errors.ContainsKey(field))
        {
            Errors[field] = t[key, arguments].Value;
        }
    }

    /// <summary>Validates what was typed; on success the process (new or tracked) is filled and the new sections returned.</summary>
    protected async Task<(PublicCommentProcess? Process, IReadOnlyList<DraftMarkdown.Section>? Sections)> ValidateAsync(CancellationToken cancellationToken)
    {
        var closes = ParseDate(ClosesOn);
        Check(nameof(ClosesOn), closes is not null, "Error_EditorDate");
        if (Locked)
        {
            var p = Existing!;
            Check(nameof(ClosesOn), closes is null || closes >= p.ReceivedBy, "Error_EditorExtendOnly", PublicCommentProcess.JapaneseDate(p.ReceivedBy));
            await FillFromLockedAsync(cancellationToken);
            if (Errors.Count > 0)
            {
                return (null, null);
            }

            p.ReceivedBy = closes!.Value;
            return (p, null);
        }

        if (Existing is null)
        {
            Slug = Slug?.Trim().ToLowerInvariant();
            Check(nameof(Slug), Slug is not null && SlugPattern().IsMatch(Slug), "Error_EditorSlug");
            Check(nameof(Slug), Slug is null || !await db.Set<PublicCommentProcess>().AnyAsync(p => p.Slug == Slug, cancellationToken), "Error_EditorSlugTaken");
        }

        ReceiptPrefix = ReceiptPrefix?.Trim().ToUpperInvariant();
        Check(nameof(ReceiptPrefix), ReceiptPrefix is not null && PrefixPattern().IsMatch(ReceiptPrefix), "Error_EditorPrefix");
        Check(nameof(TitleJa), !string.IsNullOrWhiteSpace(TitleJa) && TitleJa.Trim().Length <= 300, "Error_EditorTitleJa");
        Check(nameof(TitleEn), (TitleEn?.Trim().Length ?? 0) <= 300, "Error_EditorTooLong", 300);
        Check(nameof(SummaryJa), (SummaryJa?.Trim().Length ?? 0) <= 4000, "Error_EditorTooLong", 4000);
        var department = Guid.TryParse(DepartmentId, out var d) && Departments.Any(x => x.Id == d) ? d : (Guid?)null;
        Check(nameof(DepartmentId), department is not null, "Error_EditorDepartment");
        var opens = ParseDate(OpensOn);
        Check(nameof(OpensOn), opens is not null, "Error_EditorDate");
        Check(nameof(ClosesOn), opens is null || closes is null || closes >= opens, "Error_EditorClosesBeforeOpens");
        Check(nameof(ChannelWeb), ChannelWeb || ChannelEmail || ChannelFax || ChannelPost, "Error_EditorChannels");
        Check(nameof(ContactEmail), !ChannelEmail || (ContactEmail?.Trim() is { Length: > 3 and <= 200 } email && email.Contains('@', StringComparison.Ordinal)), "Error_EditorContactEmail");
        Check(nameof(ContactFax), !ChannelFax || ContactFax?.Trim() is { Length: > 0 and <= 50 }, "Error_EditorContactFax");
        Check(nameof(ContactAddressJa), !ChannelPost || ContactAddressJa?.Trim() is { Length: > 0 and <= 300 }, "Error_EditorContactAddress");
        Check(nameof(ContactDepartmentJa), (ContactDepartmentJa?.Trim().Length ?? 0) <= 200, "Error_EditorTooLong", 200);

        var (sections, problem) = DraftMarkdown.Split(Draft);
        Check(nameof(Draft), problem == DraftMarkdown.Problem.None, "Error_Draft" + problem, DraftMarkdown.MaxHeadingLength, DraftMarkdown.MaxBodyLength);
        Preview = sections;
        if (Errors.Count > 0)
        {
            return (null, null);
        }

        var process = Existing ?? new PublicCommentProcess { Id = Guid.NewGuid(), Slug = Slug!, ReceiptPrefix = ReceiptPrefix!, TitleJa = TitleJa!.Trim() };
        process.ReceiptPrefix = ReceiptPrefix!;
        process.TitleJa = TitleJa!.Trim();
        process.TitleEn = TitleEn?.Trim() ?? "";
        process.SummaryJa = SummaryJa?.Trim() ?? "";
        process.DepartmentId = department!.Value;
        process.OpensAt = PublicCommentProcess.ToUtc(opens!.Value, TimeOnly.MinValue);
        process.ReceivedBy = closes!.Value;
        process.Channels = (ChannelWeb ? OpinionChannels.Web : 0) | (ChannelEmail ? OpinionChannels.Email : 0) | (ChannelFax ? OpinionChannels.Fax : 0) | (ChannelPost ? OpinionChannels.Post : 0);
        (process.RequireName, process.RequireAddress, process.RequireContact, process.AskAgeGroup) = (RequireName, RequireAddress, RequireContact, AskAgeGroup);
        process.ContactEmail = ContactEmail?.Trim() ?? "";
        process.ContactFax = ContactFax?.Trim() ?? "";
        process.ContactAddressJa = ContactAddressJa?.Trim() ?? "";
        process.ContactDepartmentJa = ContactDepartmentJa?.Trim() ?? "";
        return (process, sections);
    }

    /// <summary>A locked process shows its stored values; only the typed closing day is kept.</summary>
    private async Task FillFromLockedAsync(CancellationToken cancellationToken)
    {
        var typed = ClosesOn;
        await FillFromExistingAsync(cancellationToken);
        ClosesOn = typed;
    }

    /// <summary>Saves a valid form (new sections replace the old ones), audits it, and redirects to the edit page.</summary>
    protected async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        var before = Existing is null ? null : new { Existing.ReceivedBy };
        var (process, sections) = await ValidateAsync(cancellationToken);
        if (process is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string action;
        string details;
        if (Existing is null)
        {
            db.Add(process);
            action = "publiccomment.process_created";
            details = $"slug {process.Slug}; {sections!.Count} sections";
        }
        else if (Locked)
        {
            action = "publiccomment.deadline_extended";
            details = $"received_by {before!.ReceivedBy:yyyy-MM-dd} -> {process.ReceivedBy:yyyy-MM-dd}";
        }
        else
        {
            db.RemoveRange(await db.Set<DraftSection>().Where(s => s.ProcessId == process.Id).ToListAsync(cancellationToken));
            action = "publiccomment.process_updated";
            details = $"slug {process.Slug}; {sections!.Count} sections";
        }

        if (sections is not null)
        {
            var number = 0;
            foreach (var section in sections)
            {
                db.Add(new DraftSection { Id = Guid.NewGuid(), ProcessId = process.Id, Number = ++number, HeadingJa = section.Heading, BodyJa = section.Body });
            }
        }

        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, action, nameof(PublicCommentProcess), process.Id.ToString(), details, Now));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/public-comments/{process.Slug}/edit?done=saved");
    }

    /// <summary>Validates and shows the sections without saving.</summary>
    protected async Task<IActionResult> PreviewAsync(CancellationToken cancellationToken)
    {
        await ValidateAsync(cancellationToken);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Message = Errors.Count == 0 ? t["EditorPreviewNotSaved"].Value : null;
        if (Existing is not null)
        {
            Db.Entry(Existing).State = EntityState.Unchanged;
        }

        return Page();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,60}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex PrefixPattern();
}
