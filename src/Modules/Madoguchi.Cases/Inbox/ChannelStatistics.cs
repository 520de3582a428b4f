using System.Globalization;
using System.Text;
using CsvHelper;
using Madoguchi.Cases.Cases;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Inbox;

/// <summary>
/// オンライン化率: per procedure, how many cases came online (web, API) and at the counter (窓口), and
/// online / (online + counter). One query for <c>GET /api/v1/cases/statistics/channels</c> and the
/// staff page <c>/staff/statistics/channels</c> (with its CSV). No personal data.
/// </summary>
public static class ChannelStatistics
{
    public sealed record Row(string ProcedureSlug, Guid DepartmentId, string TitleJa, string TitleEn, int Online, int Counter, double? OnlineRate)
    {
        public int Total => Online + Counter;
    }

    public static async Task<List<Row>> ComputeAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.Set<Case>().AsNoTracking()
            .GroupBy(c => new { c.ProcedureSlug, c.DepartmentId, Counter = c.Channel == "counter" })
            .Select(g => new { g.Key.ProcedureSlug, g.Key.DepartmentId, g.Key.Counter, Count = g.Count(), TitleJa = g.Max(c => c.ProcedureTitleJa), TitleEn = g.Max(c => c.ProcedureTitleEn) })
            .ToListAsync(cancellationToken);
        return [.. groups.GroupBy(r => (r.ProcedureSlug, r.DepartmentId)).OrderBy(g => g.Key.ProcedureSlug, StringComparer.Ordinal)
            .Select(g =>
            {
                var online = g.Where(r => !r.Counter).Sum(r => r.Count);
                var counter = g.Where(r => r.Counter).Sum(r => r.Count);
                return new Row(g.Key.ProcedureSlug, g.Key.DepartmentId, g.Max(r => r.TitleJa) ?? g.Key.ProcedureSlug, g.Max(r => r.TitleEn) ?? g.Key.ProcedureSlug,
                    online, counter, online + counter == 0 ? null : Math.Round((double)online / (online + counter), 4));
            })];
    }

    /// <summary>The rate as people read it: "66.7%"; "—" when there were no cases.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>UTF-8 with BOM (Excel), CRLF, formula-like text escaped, like the cases CSV.</summary>
    public static byte[] ToCsv(IEnumerable<Row> rows, IReadOnlyDictionary<Guid, string> departmentNames, bool english)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(departmentNames);
        string[] headers = english
            ? ["Procedure", "Procedure title", "Department", "Online", "Counter", "Total", "Online rate (%)"]
            : ["手続ID", "手続名", "担当課", "オンライン", "窓口", "合計", "オンライン化率（%）"];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\r\n" }))
        {
            csv.WriteRecord(headers);
            foreach (var r in rows)
            {
                csv.WriteRecord(
                [
                    r.ProcedureSlug,
                    english ? r.TitleEn : r.TitleJa,
                    departmentNames.GetValueOrDefault(r.DepartmentId, ""),
                    r.Online.ToString(CultureInfo.InvariantCulture),
                    r.Counter.ToString(CultureInfo.InvariantCulture),
                    r.Total.ToString(CultureInfo.InvariantCulture),
                    r.OnlineRate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) : "",
                ]);
            }

            csv.Flush();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
