using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Outbox;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Madoguchi.Web.Api;

/// <summary><c>/api/v1/outbox</c>: dead-lettered messages and their retry. Scope <c>outbox:manage</c>.</summary>
public static class OutboxApi
{
    /// <summary>A message as an admin sees it: no payload (it may hold personal data).</summary>
    public sealed record OutboxMessageDto(Guid Id, string Type, string Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, string? LastError);

    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var outbox = api.MapGroup("/outbox").WithTags("Outbox")
            .RequireAuthorization(StaffPolicies.Scope(ApiScopes.OutboxManage));
        outbox.MapGet("/dead-letters", DeadLetters)
            .WithName("ListDeadLetters")
            .WithSummary("Messages that failed after the retry limit, newest first, with their last error.")
            .ProducesAuthProblems();
        outbox.MapPost("/{id:guid}/retry", Retry)
            .WithName("RetryDeadLetter")
            .WithSummary("Puts a dead-lettered message back in the queue with a fresh set of attempts.")
            .ProducesAuthProblems();
        return api;
    }

    public static OutboxMessageDto ToDto(this OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.Type, message.Status.ToString(), message.Attempts, message.CreatedAt, message.NextAttemptAt, message.LastError);
    }

    private static async Task<Ok<List<OutboxMessageDto>>> DeadLetters(OutboxAdmin admin, CancellationToken cancellationToken) =>
        TypedResults.Ok((await admin.DeadLettersAsync(500, cancellationToken)).Select(m => m.ToDto()).ToList());

    private static async Task<Results<Ok<OutboxMessageDto>, ProblemHttpResult>> Retry(Guid id, OutboxAdmin admin, CancellationToken cancellationToken) =>
        await admin.RetryAsync(id, cancellationToken) switch
        {
            OutboxRetryResult.Requeued => TypedResults.Ok((await admin.FindAsync(id, cancellationToken))!.ToDto()),
            OutboxRetryResult.NotFound => ApiProblems.NotFound("メッセージ", "Outbox message"),
            _ => ApiProblems.Conflict("not-dead-lettered",
                "このメッセージは配信待ちか配信済みです / This message is not dead-lettered",
                "再送できるのは配信をあきらめたメッセージだけです。dead-letters の一覧を確かめてください。 Only dead-lettered messages can be retried; check the dead-letters list."),
        };
}
