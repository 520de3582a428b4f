using System.Globalization;
using System.Text;
using CsvHelper;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Inbox;

/// <summary>Whose cases to show: 自分 (assigned to me), 未割当 (nobody) or any.</summary>
public enum AssigneeFilter
{
    Any,
    Me,
    Unassigned,
}

/// <summary>The filters of the 受付一覧 (page, CSV and API alike).</summary>
public sealed record CaseFilter(CaseStatus? Status = null, string? Procedure = null, AssigneeFilter Assignee = AssigneeFilter.Any, string? Receipt = null, Guid? Department = null)
{
    public static AssigneeFilter ParseAssignee(string? value) => value switch
    {
        "me" => AssigneeFilter.Me,
        "unassigned" => AssigneeFilter.Unassigned,
        _ => AssigneeFilter.Any,
    };

    public static string WireName(AssigneeFilter value) => value switch
    {
        AssigneeFilter.Me => "me",
        AssigneeFilter.Unassigned => "unassigned",
        _ => "",
    };
}

/// <summary>
/// 受付一覧: the one query behind the staff inbox page, its CSV export and the cases API — the actor's
/// departments only (an API key: the organisation), open cases first by due date (so the overdue ones come
/// first), none last, then oldest; closed cases after them in the same order.
/// </summary>
/// <remarks>
/// The order is exactly the column order of the inbox indexes (IsOpen desc, DueDate, SubmittedAt, Id; see
/// <c>CaseConfiguration</c>), so PostgreSQL reads a page from the index instead of sorting the department, and
/// counts with an index-only scan (ADR 0055). Keep the two in step.
/// </remarks>
public static class CaseInbox
{
    /// <summary>The most rows one CSV export holds (a department's reports need far fewer).</summary>
    public const int ExportLimit = 50_000;

    public static IQueryable<Case> Query(MadoguchiDb db, CaseActor actor, CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Order(db, Filtered(db, actor, filter));
    }

    /// <summary>
    /// One page of <see cref="Query"/>. Past the first page the rows to skip are found in the index alone (the ids
    /// of the page, an index-only scan), then only the page's rows are read, so a far page costs little more than
    /// the first.
    /// </summary>
    public static Task<List<Case>> PageAsync(MadoguchiDb db, CaseActor actor, CaseFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        PageQuery(db, actor, filter, skip, take).ToListAsync(cancellationToken);

    /// <summary>The query <see cref="PageAsync"/> runs (the plan test explains it on PostgreSQL).</summary>
    internal static IQueryable<Case> PageQuery(MadoguchiDb db, CaseActor actor, CaseFilter filter, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = Query(db, actor, filter);
        if (skip <= 0)
        {
            return query.Take(take);
        }

        var ids = query.Skip(skip).Take(take).Select(c => c.Id);
        return Order(db, db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)));
    }

    private static IQueryable<Case> Filtered(MadoguchiDb db, CaseActor actor, CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<Case>().AsNoTracking();
        if (!actor.IsApiKey)
        {
            var mine = actor.Departments.ToList();
            query = mine.Count == 1 ? query.Where(c => c.DepartmentId == mine[0]) : query.Where(c => mine.Contains(c.DepartmentId));
        }

        if (filter.Status is { } status)
        {
            // Redundant for the result, but it tells PostgreSQL that IsOpen is fixed, so the status index gives the order.
            query = TransitionTable.IsOpen(status)
                ? query.Where(c => c.Status == status && c.IsOpen)
                : query.Where(c => c.Status == status && !c.IsOpen);
        }

        if (filter.Department is { } department)
        {
            query = query.Where(c => c.DepartmentId == department);
        }

        if (!string.IsNullOrWhiteSpace(filter.Procedure))
        {
            query = query.Where(c => c.ProcedureSlug == filter.Procedure);
        }

        switch (filter.Assignee)
        {
            case AssigneeFilter.Me:
                var me = actor.UserId ?? Guid.Empty;
                query = query.Where(c => c.AssigneeId == me);
                break;
            case AssigneeFilter.Unassigned:
                query = query.Where(c => c.AssigneeId == null);
                break;
        }

        if (!string.IsNullOrWhiteSpace(filter.Receipt))
        {
            // LIKE '%…%' (wildcards in the input escaped): on PostgreSQL the trigram index on ReceiptNumber serves it.
            var receipt = filter.Receipt.Trim().ToUpperInvariant();
            var pattern = "%" + receipt.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => EF.Functions.Like(c.ReceiptNumber, pattern, "\\"));
        }

        return query;
    }

    private static IOrderedQueryable<Case> Order(MadoguchiDb db, IQueryable<Case> query)
    {
        var open = query.OrderByDescending(c => c.IsOpen);
        // PostgreSQL sorts NULL last in ascending order, as the index holds it; SQLite sorts NULL first, so it is told.
        var byDue = db.Database.IsSqlite() ? open.ThenBy(c => c.DueDate == null).ThenBy(c => c.DueDate) : open.ThenBy(c => c.DueDate);
        return byDue.ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id);
    }

    /// <summary>
    /// The cases as CSV in UTF-8 with a BOM (Excel opens Japanese correctly only then), CRLF line ends,
    /// headers in the UI language. Times are Japan time.
    /// </summary>
    public static byte[] ToCsv(IEnumerable<Case> cases, IReadOnlyDictionary<Guid, string> departmentNames, DateOnly today, bool english)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(departmentNames);
        string[] headers = english
            ? ["Receipt number", "Procedure", "Procedure title", "Department", "Status", "Assignee", "Submitted (JST)", "Due date", "Overdue"]
            : ["受付番号", "手続ID", "手続名", "担当課", "状態", "担当者", "受付日時", "処理期限", "期限超過"];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\r\n" }))
        {
            csv.WriteRecord(headers);
            foreach (var c in cases)
            {
                csv.WriteRecord(
                [
                    c.ReceiptNumber,
                    c.ProcedureSlug,
                    english ? c.ProcedureTitleEn : c.ProcedureTitleJa,
                    departmentNames.GetValueOrDefault(c.DepartmentId, ""),
                    TransitionTable.Label(c.Status, english),
                    c.AssigneeName ?? "",
                    c.SubmittedAt.AddHours(9).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    c.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    c.IsOverdue(today) ? (english ? "Overdue" : "超過") : "",
                ]);
            }

            csv.Flush();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The CSV for the page and the API alike: the query, the department names, the audit entry.</summary>
    public static async Task<byte[]> ExportAsync(MadoguchiDb db, CaseService cases, CaseActor actor, CaseFilter filter, TimeProvider clock, string via, bool english, CancellationToken cancellationToken)
    {
        var today = CaseService.TodayInJapan(clock);
        var rows = await CaseInbox.Query(db, actor, filter).Take(CaseInbox.ExportLimit).ToListAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => english ? d.NameEn : d.NameJa, cancellationToken);
        var filters = $"status={(filter.Status is { } s ? TransitionTable.WireName(s) : "")} procedure={filter.Procedure} assignee={CaseFilter.WireName(filter.Assignee)} q={filter.Receipt}";
        await cases.RecordExportAsync(rows.Count, via, filters, cancellationToken);
        return CaseInbox.ToCsv(rows, names, today, english);
    }

    public static string FileName(TimeProvider clock) => $"cases-{CaseService.TodayInJapan(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
