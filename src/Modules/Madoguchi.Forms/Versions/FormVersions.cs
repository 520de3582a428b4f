using System.Collections.Concurrent;
using Madoguchi.Forms.Definitions;
using Madoguchi.Platform.Caching;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Versions;

/// <summary>A published version with its parsed definition.</summary>
public sealed record PublishedForm(Guid Id, Guid ProcedureId, int Number, FormDefinition Definition);

/// <summary>Finds form versions. Published definitions never change, so their parsed form is cached by id.</summary>
public sealed class FormVersions(MadoguchiDb db, FormDefinitionCache cache, ReadCache readCache)
{
    private static readonly Type[] DependsOn = [typeof(FormVersion)];

    /// <summary>
    /// The latest published version of the procedure's form, if it has one. Which version is current is read from the
    /// short-lived <see cref="ReadCache"/> (publishing on this instance evicts it; another instance sees it within seconds).
    /// </summary>
    public async Task<PublishedForm?> CurrentAsync(Guid procedureId, CancellationToken cancellationToken)
    {
        var current = await readCache.GetOrLoadAsync(db.CurrentOrganizationId, procedureId.ToString("N"), DependsOn, async () =>
        {
            var id = await db.Set<FormVersion>().AsNoTracking()
                .Where(v => v.ProcedureId == procedureId && v.Status == FormVersionStatus.Published)
                .OrderByDescending(v => v.Number)
                .Select(v => (Guid?)v.Id)
                .FirstOrDefaultAsync(cancellationToken);
            return id is null ? null : new CurrentVersion(id.Value);
        });
        return current is null ? null : await GetAsync(current.Id, cancellationToken);
    }

    private sealed record CurrentVersion(Guid Id);

    /// <summary>A published version by id (the one a draft or submission was made with).</summary>
    public async Task<PublishedForm?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(db.CurrentOrganizationId, id, out var cached))
        {
            return cached;
        }

        var version = await db.Set<FormVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.Id == id && v.Status == FormVersionStatus.Published, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var form = new PublishedForm(version.Id, version.ProcedureId, version.Number, version.Definition());
        cache.Add(db.CurrentOrganizationId, form);
        return form;
    }
}

/// <summary>Parsed definitions of published (immutable) versions, shared by all requests.</summary>
public sealed class FormDefinitionCache
{
    private readonly ConcurrentDictionary<(Guid Organization, Guid Version), PublishedForm> _forms = new();

    /// <summary>Keyed by organisation too, so a version is never served to another organisation.</summary>
    public bool TryGet(Guid organizationId, Guid id, out PublishedForm form) => _forms.TryGetValue((organizationId, id), out form!);

    public void Add(Guid organizationId, PublishedForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        _forms.TryAdd((organizationId, form.Id), form);
    }
}
