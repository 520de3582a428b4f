using System.Text.Json.Nodes;
using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Checks;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Calendar;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Intake;

/// <summary>
/// Opens exactly one case (案件) per <c>forms.submission-received</c> message: in the procedure's
/// department, due after its 標準処理期間 in business days, with the procedure's approval route and
/// the results of its automatic checks. A redelivered message finds the case and does nothing; two
/// deliveries at once meet the unique index on SubmissionId and the loser does nothing either.
/// </summary>
public sealed class SubmissionIntakeHandler(MadoguchiDb db, TenantContext tenant, ISubmissionReader submissions, IProcedureCatalog procedures, TimeProvider clock) : IOutboxHandler
{
    public string Type => SubmissionReceived.Type;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var received = Outbox.Read<SubmissionReceived>(message);
        if (!tenant.IsResolved)
        {
            var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == received.OrganizationId, cancellationToken);
            tenant.Set(organization);
        }

        await OpenAsync(received, cancellationToken);
    }

    /// <summary>Returns the case of the submission, opening it if it does not exist yet.</summary>
    public async Task<Case> OpenAsync(SubmissionReceived received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var existing = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == received.SubmissionId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var submission = await submissions.FindAsync(received.SubmissionId, cancellationToken)
            ?? throw new InvalidOperationException($"Submission {received.SubmissionId} not found.");
        var procedure = await procedures.FindAsync(submission.ProcedureSlug, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {submission.ProcedureSlug} not found.");
        var settings = await db.Set<ProcedureCaseSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.ProcedureSlug == procedure.Slug, cancellationToken);
        var answers = JsonNode.Parse(submission.AnswersJson) as JsonObject ?? [];
        var submittedOn = DateOnly.FromDateTime(submission.SubmittedAt.AddHours(9)); // JST, no daylight saving
        var rules = CheckRules.Parse(settings?.ChecksJson);
        var duplicateRule = rules.FirstOrDefault(r => r.Kind == CheckRules.Duplicate);
        var applicantKey = duplicateRule is null
            ? CheckRules.ApplicantKey(answers)
            : CheckRules.ApplicantKey(answers, duplicateRule.NameField ?? "applicantName", duplicateRule.DateOfBirthField ?? "dateOfBirth");
        var openDuplicates = applicantKey is null ? [] : await db.Set<Case>().AsNoTracking()
            .Where(c => c.ProcedureId == procedure.Id && c.ApplicantKey == applicantKey && c.SubmissionId != submission.Id)
            .Select(c => c.Status).ToListAsync(cancellationToken);
        var outcomes = CheckRules.Run(rules, answers, submittedOn, _ => openDuplicates.Any(TransitionTable.IsOpen));

        var now = clock.GetUtcNow().UtcDateTime;
        var @case = new Case
        {
            Id = Guid.NewGuid(),
            SubmissionId = submission.Id,
            ProcedureId = procedure.Id,
            ProcedureSlug = procedure.Slug,
            ProcedureTitleJa = procedure.TitleJa,
            ProcedureTitleEn = procedure.TitleEn,
            DepartmentId = procedure.ResponsibleDepartmentId,
            ReceiptNumber = submission.ReceiptNumber,
            ApplicantKey = applicantKey,
            Status = CaseStatus.Received,
            Channel = submission.Channel,
            EnteredByName = submission.EnteredByName,
            SubmittedAt = submission.SubmittedAt,
            OpenedAt = now,
            UpdatedAt = now,
            DueDate = procedure.StandardProcessingDays is { } days ? BusinessDays.AddBusinessDays(submittedOn, days) : null,
            RouteJson = ApprovalRoute.Serialize(ApprovalRoute.Parse(settings?.RouteJson)),
            Version = 1,
        };
        db.Add(@case);
        var order = 0;
        foreach (var outcome in outcomes)
        {
            db.Add(new CaseCheckResult { Id = Guid.NewGuid(), CaseId = @case.Id, Order = order++, Kind = outcome.Kind, Passed = outcome.Passed, MessageJa = outcome.MessageJa, MessageEn = outcome.MessageEn });
        }

        db.Add(new CaseEvent { Id = Guid.NewGuid(), CaseId = @case.Id, At = now, ActorName = @case.EnteredByName ?? "system", Action = @case.IsCounter ? "open-counter" : "open", FromStatus = CaseStatus.Received, ToStatus = CaseStatus.Received });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return @case;
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same message opened it at the same moment: nothing to do.
            db.ChangeTracker.Clear();
            var opened = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == submission.Id, cancellationToken);
            if (opened is null)
            {
                throw;
            }

            return opened;
        }
    }
}
