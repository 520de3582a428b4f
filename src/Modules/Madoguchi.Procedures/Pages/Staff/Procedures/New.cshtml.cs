using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Procedures.Pages.Staff.Procedures;

/// <summary>手続きの作成: a new procedure, owned by one of the member's own departments.</summary>
public sealed class NewModel(MadoguchiDb db, IStringLocalizer<ProceduresResource> t, TimeProvider clock) : ProcedureFormPage(db, t)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken);
        if (Departments.Count == 0)
        {
            return Forbid();
        }

        Input = new ProcedureInput
        {
            Kind = nameof(ProcedureKind.Application),
            DepartmentId = Departments[0].Id.ToString(),
            Channels = [nameof(ProcedureChannels.Counter)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken);
        if (Departments.Count == 0)
        {
            return Forbid();
        }

        var values = Validate(null, await SlugsAsync(null, cancellationToken));
        if (values is null)
        {
            return Refused();
        }

        var procedure = new Procedure
        {
            Id = Guid.NewGuid(),
            Slug = values.Slug,
            TitleJa = values.TitleJa,
            TitleEn = values.TitleEn,
            SummaryJa = values.SummaryJa,
            SummaryEn = values.SummaryEn,
        };
        values.ApplyTo(procedure, clock.GetUtcNow().UtcDateTime);
        Db.Add(procedure);
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/procedures/{procedure.Slug}?done=created");
    }
}
