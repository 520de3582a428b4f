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

    /// <summary>It only reads and writes this database: the worker opens several cases in one transaction.</summary>
    public bool DeliversInBatches => true;

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

    /// <summary>
    /// A batch, inside the worker's transaction: what the cases need is loaded once for all of them (the cases that
    /// exist, the submissions, the procedures' settings, the open cases of the same applicants), and they are saved
    /// together. A unique violation (another delivery opened one of them at the same moment) fails the batch: the
    /// worker then delivers each message alone, where <see cref="OpenAsync"/> handles the race.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var received = messages.Select(Outbox.Read<SubmissionReceived>).ToList();
        if (!tenant.IsResolved || received.Any(r => r.OrganizationId != tenant.OrganizationId))
        {
            // The worker batches one organisation and sets it as the tenant; anything else is delivered one by one.
            throw new InvalidOperationException("A batch of case intakes must be of the scope's organisation.");
        }

        var ids = received.Select(r => r.SubmissionId).Distinct().ToList();
        var opened = await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.SubmissionId)).Select(c => c.SubmissionId).ToListAsync(cancellationToken);
        var toOpen = ids.Except(opened).ToList();
        if (toOpen.Count == 0)
        {
            return;
        }

        var found = (await submissions.FindManyAsync(toOpen, cancellationToken)).ToDictionary(s => s.Id);
        var submissionsInOrder = toOpen.Select(id => found.GetValueOrDefault(id) ?? throw new InvalidOperationException($"Submission {id} not found.")).ToList();
        var slugs = submissionsInOrder.Select(s => s.ProcedureSlug).Distinct().ToList();
        var procedureBySlug = new Dictionary<string, ProcedureInfo>(StringComparer.Ordinal);
        foreach (var slug in slugs)
        {
            procedureBySlug[slug] = await procedures.FindAsync(slug, cancellationToken) ?? throw new InvalidOperationException($"Procedure {slug} not found.");
        }

        var settingsBySlug = (await db.Set<ProcedureCaseSettings>().AsNoTracking().Where(s => slugs.Contains(s.ProcedureSlug)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.ProcedureSlug, StringComparer.Ordinal);
        var intakes = submissionsInOrder.Select(s => Prepare(s, procedureBySlug[s.ProcedureSlug], settingsBySlug.GetValueOrDefault(s.ProcedureSlug))).ToList();

        // The cases these applicants already have in the same procedures, in one query; then each intake also sees the
        // cases opened before it in this batch (all just opened, so open).
        var keys = intakes.Where(i => i.ApplicantKey is not null).Select(i => i.ApplicantKey!).Distinct().ToList();
        var procedureIds = intakes.Select(i => i.Procedure.Id).Distinct().ToList();
        var others = keys.Count == 0 ? [] : await db.Set<Case>().AsNoTracking()
            .Where(c => procedureIds.Contains(c.ProcedureId) && keys.Contains(c.ApplicantKey!))
            .Select(c => new { c.ProcedureId, c.ApplicantKey, c.SubmissionId, c.Status })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var openedHere = new HashSet<(Guid, string)>();
        foreach (var intake in intakes)
        {
            var key = intake.ApplicantKey;
            var duplicates = key is null ? [] : others
                .Where(c => c.ProcedureId == intake.Procedure.Id && c.ApplicantKey == key && c.SubmissionId != intake.Submission.Id)
                .Select(c => c.Status)
                .Concat(openedHere.Contains((intake.Procedure.Id, key)) ? [CaseStatus.Received] : [])
                .ToList();
            Add(intake, duplicates, now);
            if (key is not null)
            {
                openedHere.Add((intake.Procedure.Id, key));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
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
        var intake = Prepare(submission, procedure, settings);
        var openDuplicates = intake.ApplicantKey is null ? [] : await db.Set<Case>().AsNoTracking()
            .Where(c => c.ProcedureId == procedure.Id && c.ApplicantKey == intake.ApplicantKey && c.SubmissionId != submission.Id)
            .Select(c => c.Status).ToListAsync(cancellationToken);
        var @case = Add(intake, openDuplicates, clock.GetUtcNow().UtcDateTime);
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

    /// <summary>What opening a submission's case needs, read before the duplicate check.</summary>
    private sealed record Intake(SubmissionInfo Submission, ProcedureInfo Procedure, ProcedureCaseSettings? Settings, JsonObject Answers,
        DateOnly SubmittedOn, IReadOnlyList<CheckRule> Rules, string? ApplicantKey);

    private static Intake Prepare(SubmissionInfo submission, ProcedureInfo procedure, ProcedureCaseSettings? settings)
    {
        var answers = JsonNode.Parse(submission.AnswersJson) as JsonObject ?? [];
        var submittedOn = DateOnly.FromDateTime(submission.SubmittedAt.AddHours(9)); // JST, no daylight saving
        var rules = CheckRules.Parse(settings?.ChecksJson);
        var duplicateRule = rules.FirstOrDefault(r => r.Kind == CheckRules.Duplicate);
        var applicantKey = duplicateRule is null
            ? CheckRules.ApplicantKey(answers)
            : CheckRules.ApplicantKey(answers, duplicateRule.NameField ?? "applicantName", duplicateRule.DateOfBirthField ?? "dateOfBirth");
        return new Intake(submission, procedure, settings, answers, submittedOn, rules, applicantKey);
    }

    /// <summary>Adds the case, its check results and its first event to the unit of work (not saved).</summary>
    private Case Add(Intake intake, IReadOnlyList<CaseStatus> duplicateStatuses, DateTime now)
    {
        var (submission, procedure) = (intake.Submission, intake.Procedure);
        var outcomes = CheckRules.Run(intake.Rules, intake.Answers, intake.SubmittedOn, _ => duplicateStatuses.Any(TransitionTable.IsOpen));
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
            ApplicantKey = intake.ApplicantKey,
            Status = CaseStatus.Received,
            Channel = submission.Channel,
            EnteredByName = submission.EnteredByName,
            SubmittedAt = submission.SubmittedAt,
            OpenedAt = now,
            UpdatedAt = now,
            DueDate = procedure.StandardProcessingDays is { } days ? BusinessDays.AddBusinessDays(intake.SubmittedOn, days) : null,
            RouteJson = ApprovalRoute.Serialize(ApprovalRoute.Parse(intake.Settings?.RouteJson)),
            Version = 1,
        };
        db.Add(@case);
        var order = 0;
        foreach (var outcome in outcomes)
        {
            db.Add(new CaseCheckResult { Id = Guid.NewGuid(), CaseId = @case.Id, Order = order++, Kind = outcome.Kind, Passed = outcome.Passed, MessageJa = outcome.MessageJa, MessageEn = outcome.MessageEn });
        }

        db.Add(new CaseEvent { Id = Guid.NewGuid(), CaseId = @case.Id, At = now, ActorName = @case.EnteredByName ?? "system", Action = @case.IsCounter ? "open-counter" : "open", FromStatus = CaseStatus.Received, ToStatus = CaseStatus.Received });
        return @case;
    }
}
