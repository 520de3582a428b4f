using Madoguchi.Cases.Cases;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Cases;

/// <summary>One row of every cases entity in the current organisation, for the tenancy tests.</summary>
internal static class CasesTenancySeed
{
    public static async Task SeedAsync(MadoguchiDb db, CancellationToken ct)
    {
        var departmentId = (await db.Set<Department>().FirstAsync(ct)).Id;
        var now = DateTime.UtcNow;
        var @case = new Case
        {
            Id = Guid.NewGuid(),
            SubmissionId = Guid.NewGuid(),
            ProcedureId = Guid.NewGuid(),
            ProcedureSlug = "tenancy",
            DepartmentId = departmentId,
            ReceiptNumber = "TEN-2026-000001",
            SubmittedAt = now,
            OpenedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Add(@case);
        db.Add(new CaseEvent { Id = Guid.NewGuid(), CaseId = @case.Id, At = now, Action = "open" });
        db.Add(new CaseNote { Id = Guid.NewGuid(), CaseId = @case.Id, At = now, Text = "メモ" });
        db.Add(new CaseCheckResult { Id = Guid.NewGuid(), CaseId = @case.Id, Kind = "age", Passed = true });
        db.Add(new CaseDecision { Id = Guid.NewGuid(), CaseId = @case.Id, Round = 1, Role = "Approver", At = now });
        db.Add(new Madoguchi.Cases.Corrections.CorrectionRequest
        {
            Id = Guid.NewGuid(),
            CaseId = @case.Id,
            SubmissionId = @case.SubmissionId,
            TokenHash = Guid.NewGuid().ToString("N"),
            Message = "通数を直してください",
            RequestedAt = now,
            ExpiresAt = now.AddDays(30),
        });
        db.Add(new Madoguchi.Cases.Notifications.CaseNotification { Id = Guid.NewGuid(), CaseId = @case.Id, Kind = "received", Language = "ja", OutboxMessageId = Guid.NewGuid() });
        db.Add(new Madoguchi.Cases.Notifications.NotificationTemplate { Id = Guid.NewGuid(), Kind = "tenancy-" + Guid.NewGuid().ToString("N")[..8], Language = "ja", Subject = "件名", Body = "本文" });
        db.Add(new ProcedureCaseSettings { Id = Guid.NewGuid(), ProcedureSlug = "tenancy-" + Guid.NewGuid().ToString("N")[..8] });
        await db.SaveChangesAsync(ct);
    }
}
