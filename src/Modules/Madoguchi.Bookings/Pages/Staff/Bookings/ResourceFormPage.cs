using System.Globalization;
using Madoguchi.Bookings.Admin;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>
/// What the resource create and edit pages share: the input, its errors, and the departments this
/// member may set resources up for (決裁者・所属管理者 of their own departments; all for system administrators).
/// </summary>
[Authorize(Policy = StaffPolicy)]
public abstract class ResourceFormPage(MadoguchiDb db, IProcedureCatalog procedures, IStringLocalizer<BookingsResource> t) : PageModel
{
    /// <summary>The host's staff policy (Madoguchi.Web StaffPolicies.Staff).</summary>
    public const string StaffPolicy = "staff";

    protected MadoguchiDb Db { get; } = db;
    public IStringLocalizer<BookingsResource> T { get; } = t;

    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    /// <summary>Field id → message, in page order.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Future slots that hold more places than the capacity typed (the capacity refusal).</summary>
    public IReadOnlyList<TakenSlot> OverCapacity { get; protected set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];

    public IReadOnlyList<ProcedureInfo> Procedures { get; private set; } = [];

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected IReadOnlySet<Guid>? Administered { get; private set; } = new HashSet<Guid>();

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Administered = await ResourceAdministration.AdministeredDepartmentsAsync(Db, User, cancellationToken);
        var all = await Db.Set<Department>().AsNoTracking().Where(d => d.Level != DepartmentLevel.Bureau).ToListAsync(cancellationToken);
        Departments = [.. all.Where(d => ResourceAdministration.May(Administered, d.Id)).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => (d.Id, English ? d.NameEn : d.NameJa))];
        Procedures = await procedures.ListAsync(cancellationToken);
    }

    protected async Task<ResourceValues?> ValidateAsync(string? fixedSlug, CancellationToken cancellationToken)
    {
        var slugs = (await Db.Set<Resource>().AsNoTracking().Select(r => r.Slug).ToListAsync(cancellationToken)).Where(s => s != fixedSlug).ToHashSet(StringComparer.Ordinal);
        return ResourceForm.Validate(Input, fixedSlug, slugs, Departments.Select(d => d.Id).ToHashSet(), Procedures.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal), T, Errors);
    }

    /// <summary>Refused input: the same page with what was typed and the messages, as 400.</summary>
    protected PageResult Refused()
    {
        PadQuestions();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Keeps blank rows under the typed questions so another can be added.</summary>
    protected void PadQuestions()
    {
        var blanks = Input.Questions.Count(q => q.IsEmpty);
        for (var i = blanks; i < ResourceInput.BlankQuestions; i++)
        {
            Input.Questions.Add(new QuestionInput());
        }
    }

    /// <summary>The capacity message with the slots in JST, e.g. "2026-12-01 09:00 (2)".</summary>
    protected void RefuseCapacity(IReadOnlyList<TakenSlot> slots)
    {
        OverCapacity = slots;
        Errors["Capacity"] = T["AdminErrCapacityTaken", slots.Max(s => s.Taken), slots.Count].Value;
    }

    public static string Jst(DateTime utc) =>
        Tokyo.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
