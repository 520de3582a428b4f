using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.DemoContent;

/// <summary>Publishes the demo forms (DemoContent/Forms/*.json) as version 1 of each demo procedure's form.</summary>
internal sealed class FormsDemoContent(IProcedureCatalog catalog, TimeProvider clock) : IDemoContent
{
    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var withForms = await db.Set<FormVersion>().Select(v => v.ProcedureId).Distinct().ToListAsync(cancellationToken);
        foreach (var (slug, definition) in DemoForms.All)
        {
            var procedure = await catalog.FindAsync(slug, cancellationToken);
            if (procedure is null || withForms.Contains(procedure.Id))
            {
                continue;
            }

            var version = FormVersion.CreateDraft(procedure.Id, 1, definition, now);
            version.Publish("system", now);
            db.Add(version);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
