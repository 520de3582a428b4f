using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Reconciliation;

/// <summary>One row of the daily report (日次収納消込): a department and a reference prefix.</summary>
public sealed record ReconciliationRow(string Department, string ReferencePrefix, long CapturedYen, long RefundedYen, long OutstandingYen, int Payments);

/// <summary>A payment whose amounts differ between our transitions and the gateway's settlement report.</summary>
public sealed record Mismatch(Guid PaymentId, string PaymentNumber, string Gateway, long OursCapturedYen, long GatewayCapturedYen, long OursRefundedYen, long GatewayRefundedYen);

public sealed record ReconciliationReport(DateOnly Date, IReadOnlyList<ReconciliationRow> Rows, long CapturedYen, long RefundedYen, long OutstandingYen,
    IReadOnlyList<Mismatch> Mismatches);

/// <summary>
/// The daily report, computed from the transition history only (captured and refunded are sums of
/// the day's transitions; outstanding is what payments created that day and not yet settled still
/// owe), then compared payment by payment with each gateway's settlement report.
/// </summary>
public sealed class ReconciliationService(MadoguchiDb db, GatewayRegistry gateways)
{
    /// <summary>Department column for payments created without a department code.</summary>
    public const string NoDepartment = "none";

    public async Task<ReconciliationReport> ReportAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = JstDay.Bounds(day);
        var moves = await db.Set<PaymentTransition>().AsNoTracking()
            .Where(t => t.OccurredAt >= from && t.OccurredAt < to && t.AmountYen != 0)
            .Select(t => new { t.PaymentId, t.To, t.Source, t.AmountYen })
            .ToListAsync(cancellationToken);
        var created = await db.Set<Payment>().AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => p.Id).ToListAsync(cancellationToken);
        var ids = moves.Select(m => m.PaymentId).Concat(created).Distinct().ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);

        var captured = moves.Where(m => m.To == PaymentStatus.Captured).GroupBy(m => m.PaymentId).ToDictionary(g => g.Key, g => g.Sum(m => m.AmountYen));
        var refunded = moves.Where(m => m.Source == "refund").GroupBy(m => m.PaymentId).ToDictionary(g => g.Key, g => g.Sum(m => m.AmountYen));

        var rows = payments.Values
            .GroupBy(p => (Department: p.DepartmentId is { } d && departments.TryGetValue(d, out var code) ? code : NoDepartment, p.ReferencePrefix))
            .Select(g => new ReconciliationRow(g.Key.Department, g.Key.ReferencePrefix,
                g.Sum(p => captured.GetValueOrDefault(p.Id)),
                g.Sum(p => refunded.GetValueOrDefault(p.Id)),
                g.Where(p => created.Contains(p.Id) && !PaymentLifecycle.IsPaid(p.Status) && !PaymentLifecycle.IsFinal(p.Status)).Sum(p => p.AmountYen),
                g.Count()))
            .OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.ReferencePrefix, StringComparer.Ordinal)
            .ToList();

        var mismatches = new List<Mismatch>();
        foreach (var gateway in gateways.All)
        {
            var settlement = (await gateway.SettlementAsync(day, cancellationToken)).ToDictionary(s => s.PaymentId);
            var ours = payments.Values.Where(p => p.Gateway == gateway.Name && (captured.ContainsKey(p.Id) || refunded.ContainsKey(p.Id))).Select(p => p.Id);
            foreach (var id in ours.Union(settlement.Keys))
            {
                var line = settlement.GetValueOrDefault(id);
                long ourCaptured = captured.GetValueOrDefault(id), ourRefunded = refunded.GetValueOrDefault(id);
                if (line is null || line.CapturedYen != ourCaptured || line.RefundedYen != ourRefunded)
                {
                    var number = payments.TryGetValue(id, out var p) ? p.PaymentNumber
                        : await db.Set<Payment>().AsNoTracking().Where(x => x.Id == id).Select(x => x.PaymentNumber).FirstOrDefaultAsync(cancellationToken) ?? "";
                    mismatches.Add(new Mismatch(id, number, gateway.Name, ourCaptured, line?.CapturedYen ?? 0, ourRefunded, line?.RefundedYen ?? 0));
                }
            }
        }

        return new ReconciliationReport(day, rows, rows.Sum(r => r.CapturedYen), rows.Sum(r => r.RefundedYen), rows.Sum(r => r.OutstandingYen), mismatches);
    }
}
