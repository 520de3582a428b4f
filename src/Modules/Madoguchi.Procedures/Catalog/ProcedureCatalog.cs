using Madoguchi.Platform.Caching;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Catalog;

internal sealed class ProcedureCatalog(MadoguchiDb db, ReadCache cache) : IProcedureCatalog
{
    private static readonly Type[] DependsOn = [typeof(Procedure)];

    /// <summary>Every page of a citizen's application asks this: read from the short-lived <see cref="ReadCache"/>.</summary>
    public Task<ProcedureInfo?> FindAsync(string slug, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(db.CurrentOrganizationId, slug, DependsOn, () =>
            db.Set<Procedure>().AsNoTracking()
                .Where(p => p.Slug == slug && p.IsPublished)
                .Select(p => new ProcedureInfo(p.Id, p.Slug, p.TitleJa, p.TitleEn, p.ResponsibleDepartmentId, p.FeeYen, p.StandardProcessingDays,
                    (p.Channels & ProcedureChannels.Online) != 0))
                .FirstOrDefaultAsync(cancellationToken));

    public async Task<IReadOnlyList<ProcedureInfo>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<Procedure>().AsNoTracking()
            .OrderBy(p => p.TitleJa)
            .Select(p => new ProcedureInfo(p.Id, p.Slug, p.TitleJa, p.TitleEn, p.ResponsibleDepartmentId, p.FeeYen, p.StandardProcessingDays,
                (p.Channels & ProcedureChannels.Online) != 0))
            .ToListAsync(cancellationToken);
}
