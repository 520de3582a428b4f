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
/// departments only (an API key: the organisation), overdue first, then by due date (none last), then oldest.
/// </summary>
public static class CaseInbox
{
    /// <summary>The most rows one CSV export holds (a department's reports need far fewer).</summary>
    public const int ExportLimit = 50_000;

    public static IQueryable<Case> Query(MadoguchiDb db, CaseActor actor, CaseFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<Case>().AsNoTracking();
        if (!actor.IsApiKey)
        {
            var mine = actor.Departments.ToList();
            query = query.Where(c => mine.Contains(c.DepartmentId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
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
            var receipt = filter.Receipt.Trim().ToUpperInvariant();
            query = query.Where(c => c.ReceiptNumber.Contains(receipt));
        }

        return query
            .OrderByDescending(c => c.DueDate != null && c.DueDate < today && c.Status != CaseStatus.Completed && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Withdrawn)
            .ThenBy(c => c.DueDate == null).ThenBy(c => c.DueDate).ThenBy(c => c.SubmittedAt);
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
        var rows = await CaseInbox.Query(db, actor, filter, today).Take(CaseInbox.ExportLimit).ToListAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => english ? d.NameEn : d.NameJa, cancellationToken);
        var filters = $"status={(filter.Status is { } s ? TransitionTable.WireName(s) : "")} procedure={filter.Procedure} assignee={CaseFilter.WireName(filter.Assignee)} q={filter.Receipt}";
        await cases.RecordExportAsync(rows.Count, via, filters, cancellationToken);
        return CaseInbox.ToCsv(rows, names, today, english);
    }

    public static string FileName(TimeProvider clock) => $"cases-{CaseService.TodayInJapan(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
