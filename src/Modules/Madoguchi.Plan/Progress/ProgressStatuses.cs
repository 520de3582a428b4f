using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Progress;

/// <summary>
/// The report status list (進捗状況の区分) of an organisation. Any organisation, demo or not, starts with
/// <see cref="Defaults"/> the first time the list is needed (ADR 0022): six steps from 未着手 (0%) to 完了 (100%),
/// evenly spaced so the implied progress reads naturally; the IT policy division then edits it.
/// </summary>
public static class ProgressStatuses
{
    /// <summary>The default list, each with the progress it implies.</summary>
    public static readonly (string Code, string Ja, string En, int Progress)[] Defaults =
    [
        ("not-started", "未着手", "Not started", 0),
        ("studying", "検討中", "Under study", 20),
        ("preparing", "準備中", "Preparing", 40),
        ("in-progress", "実施中", "In progress", 60),
        ("mostly-done", "概ね完了", "Mostly done", 80),
        ("done", "完了", "Done", 100),
    ];

    /// <summary>Adds the default list when the organisation has no status at all (never re-adds a deleted one otherwise).</summary>
    public static async Task EnsureDefaultsAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<ProgressStatus>().AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var (code, ja, en, progress) in Defaults)
        {
            db.Add(new ProgressStatus { Id = Guid.NewGuid(), Code = code, NameJa = ja, NameEn = en, ImpliedProgress = progress, SortOrder = ++order });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
