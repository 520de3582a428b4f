using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Api;

/// <summary><c>/api/v1/audit</c>: verify the hash chain and read the log. Scope <c>audit:read</c>.</summary>
public static class AuditApi
{
    public const int MaxTake = 500;

    public sealed record AuditVerificationDto(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

    public sealed record AuditEntryDto(long Sequence, DateTime OccurredAt, string Actor, string Action, string EntityType, string EntityId, string Details, string PreviousHash, string Hash);

    /// <summary>A page of entries; <see cref="Next"/> is the <c>after</c> value for the next page, or null at the end.</summary>
    public sealed record AuditEntriesPage(IReadOnlyList<AuditEntryDto> Entries, long? Next);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var audit = api.MapGroup("/audit").WithTags("Audit")
            .RequireAuthorization(StaffPolicies.Scope(ApiScopes.AuditRead));
        audit.MapGet("/verify", Verify)
            .WithName("VerifyAuditChain")
            .WithSummary("Walks the organisation's hash-chained audit log and reports the first broken link, if any row was altered, inserted or deleted.")
            .ProducesAuthProblems();
        audit.MapGet("/entries", Entries)
            .WithName("ListAuditEntries")
            .WithSummary($"Audit entries in chain order after the given sequence number (take 1–{MaxTake}, default 100).")
            .ProducesAuthProblems();
        return api;
    }

    private static async Task<Ok<AuditVerificationDto>> Verify(MadoguchiDb db, CancellationToken cancellationToken)
    {
        var result = await AuditVerifier.VerifyAsync(db, db.CurrentOrganizationId, cancellationToken);
        return TypedResults.Ok(new AuditVerificationDto(result.IsIntact, result.EntriesChecked, result.FirstBrokenSequence, result.Problem));
    }

    private static async Task<Results<Ok<AuditEntriesPage>, ValidationProblem>> Entries(MadoguchiDb db, long? after, int? take, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (after is < 0)
        {
            errors["after"] = ["after は 0 以上の数にしてください。 Use 0 or a positive sequence number for after."];
        }

        if (take is < 1 or > MaxTake)
        {
            errors["take"] = [$"take は 1 から {MaxTake} の数にしてください。 Use a take between 1 and {MaxTake}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var count = take ?? 100;
        var from = after ?? 0;
        await AuditChainer.ChainPendingAsync(db, db.CurrentOrganizationId, cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > from)
            .OrderBy(e => e.Sequence)
            .Take(count)
            .Select(e => new AuditEntryDto(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityId, e.Details, e.PreviousHash, e.Hash))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditEntriesPage(entries, entries.Count == count ? entries[^1].Sequence : null));
    }
}
