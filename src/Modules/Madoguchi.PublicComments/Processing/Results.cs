using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Processing;

/// <summary>One row of the published table (意見の概要と市の考え方): no name, address, email or raw text.</summary>
public sealed record ResultRow(int Number, string Section, int OpinionCount, string Summary, string Response, bool DraftChanged);

/// <summary>The published result of a process, with counts per channel and per section.</summary>
public sealed record ProcessResult(int OpinionCount, int LateCount, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyList<(string Section, int Count)> BySection, IReadOnlyList<ResultRow> Rows);

/// <summary>Builds the result table and tells what keeps a process from being published (ADR 0025).</summary>
public static class ResultTable
{
    public static async Task<(ProcessResult Result, int Unanswered)> BuildAsync(MadoguchiDb db, PublicCommentProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(process);
        var sections = await db.Set<DraftSection>().AsNoTracking().Where(s => s.ProcessId == process.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        var opinions = await db.Set<Opinion>().AsNoTracking().Where(o => o.ProcessId == process.Id).OrderBy(o => o.Sequence).ToListAsync(cancellationToken);
        var groups = await db.Set<OpinionGroup>().AsNoTracking().Where(g => g.ProcessId == process.Id).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        string SectionName(Guid? id) => id is { } s && sections.TryGetValue(s, out var section) ? $"{section.Number}. {section.HeadingJa}" : "計画案全体";

        var rows = new List<ResultRow>();
        foreach (var group in groups)
        {
            var members = opinions.Where(o => o.GroupId == group.Id).ToList();
            if (members.Count > 0)
            {
                rows.Add(new ResultRow(0, SectionName(group.SectionId ?? members[0].SectionId), members.Count, group.SummaryJa, group.ResponseJa, group.DraftChanged));
            }
        }

        foreach (var opinion in opinions.Where(o => o.GroupId is null && o.PublicSummaryJa.Length > 0))
        {
            rows.Add(new ResultRow(0, SectionName(opinion.SectionId), 1, opinion.PublicSummaryJa, opinion.ResponseJa, opinion.DraftChanged));
        }

        var numbered = rows.Select((r, i) => r with { Number = i + 1 }).ToList();
        var unanswered = opinions.Count(o => o.GroupId is { } g ? groups.First(x => x.Id == g).ResponseJa.Length == 0 : o.PublicSummaryJa.Length == 0 || o.ResponseJa.Length == 0);
        var result = new ProcessResult(opinions.Count, opinions.Count(o => o.IsLate),
            opinions.GroupBy(o => o.Channel.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            [.. opinions.GroupBy(o => SectionName(o.SectionId)).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal)],
            numbered);
        return (result, unanswered);
    }
}

/// <summary>Deletes submitters' personal data once a published process's retention period has passed (every organisation).</summary>
public static class Retention
{
    public static async Task<int> EraseDueAsync(MadoguchiDb db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = (await db.Set<PublicCommentProcess>().IgnoreQueryFilters()
            .Where(p => p.ResultPublishedAt != null && p.PersonalDataErasedAt == null).ToListAsync(cancellationToken))
            .Where(p => p.ResultPublishedAt!.Value.AddDays(p.RetentionDays) <= nowUtc)
            .ToList();
        var erased = 0;
        foreach (var process in due)
        {
            var opinions = await db.Set<Opinion>().IgnoreQueryFilters().Where(o => o.ProcessId == process.Id && o.PersonalDataErasedAt == null).ToListAsync(cancellationToken);
            foreach (var opinion in opinions)
            {
                opinion.ErasePersonalData(nowUtc);
            }

            process.PersonalDataErasedAt = nowUtc;
            erased += opinions.Count;
            await db.SaveChangesAsync(cancellationToken);
        }

        return erased;
    }
}
