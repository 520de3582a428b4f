using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Platform.Idempotency;

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (read by the buffering middleware and OpenAPI).</summary>
public sealed class IdempotentEndpointMetadata
{
    public static readonly IdempotentEndpointMetadata Instance = new();

    private IdempotentEndpointMetadata()
    {
    }
}

public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Lets clients retry this POST safely with an <c>Idempotency-Key</c> header: a retry gets the first
    /// answer, a different body under the same key is refused with 422 (ADR 0008). Needs
    /// <see cref="UseIdempotencyKeys"/> in the pipeline after routing.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(IdempotentEndpointMetadata.Instance)
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// Buffers the body of requests to idempotent endpoints that carry the header, so the filter can
    /// hash the body after model binding has read it. Place after routing.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName)
                && context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is not null)
            {
                context.Request.EnableBuffering();
            }

            await next();
        });
}

/// <summary>
/// The endpoint filter behind <see cref="IdempotencyEndpointExtensions.WithIdempotency"/>. For a new key it
/// opens a transaction, claims the key with a row that the unique index (organisation, scope, key)
/// guards, runs the handler (whose SaveChanges joins the transaction), buffers its answer and stores
/// a 2xx answer in the claimed row before committing: the business change and its record commit
/// together or not at all. A concurrent request with the same key waits on the claim (PostgreSQL
/// unique index, SQLite's single writer), fails on the unique index and replays the winner's answer.
/// </summary>
public sealed partial class IdempotencyFilter : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const string ProtectionPurpose = "Madoguchi.Idempotency";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string ProblemTypeBase = "https://madoguchi.example/problems/";

    /// <summary>1–200 printable ASCII characters (space to tilde).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= IdempotencyRecord.MaxKeyLength } && key.All(c => c is >= ' ' and <= '~');

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return await next(context);
        }

        if (values.Count != 1 || !IsValidKey(values[0]))
        {
            return InvalidKey();
        }

        var services = http.RequestServices;
        var scope = services.GetRequiredService<ICurrentActor>().Actor;
        var db = services.GetRequiredService<MadoguchiDb>();
        if (scope is "anonymous" or "system" || scope.Length > IdempotencyRecord.MaxScopeLength || db.CurrentOrganizationId == Guid.Empty)
        {
            // No caller to scope the key to: another client could read this answer by guessing the key.
            return await next(context);
        }

        var key = values[0]!;
        var cancellationToken = http.RequestAborted;
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectionPurpose);
        var logger = services.GetRequiredService<ILogger<IdempotencyFilter>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var hash = await HashRequestAsync(http.Request, cancellationToken);

        if (await FindAsync(db, scope, key, now, cancellationToken) is { } existing)
        {
            return Answer(existing, hash, protector);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Expired records are ignored; the claim below needs this key's expired row gone anyway.
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var record = new IdempotencyRecord
        {
            Id = Guid.NewGuid(),
            OrganizationId = db.CurrentOrganizationId,
            Scope = scope,
            Key = key,
            RequestHash = hash,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another request holds or has committed this key: answer as it did.
            LogClaimLost(logger, exception);
            await transaction.RollbackAsync(cancellationToken);
            db.Entry(record).State = EntityState.Detached;
            return await FindAsync(db, scope, key, now, cancellationToken) is { } winner
                ? Answer(winner, hash, protector)
                : InProgress();
        }

        var answer = await CaptureAsync(http, await next(context));
        if (answer.StatusCode is >= 200 and < 300)
        {
            record.StatusCode = answer.StatusCode;
            record.ContentType = answer.ContentType;
            record.Location = answer.Location;
            record.ResponseBody = Convert.ToBase64String(protector.Protect(answer.Body));
        }
        else
        {
            // Not stored: the client may correct the request and retry with the same key.
            db.IdempotencyRecords.Remove(record);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BufferedBody(answer.Body);
    }

    private static Task<IdempotencyRecord?> FindAsync(MadoguchiDb db, string scope, string key, DateTime now, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key && r.ExpiresAt > now, cancellationToken);

    private static IResult Answer(IdempotencyRecord record, string hash, IDataProtector protector) =>
        !string.Equals(record.RequestHash, hash, StringComparison.Ordinal)
            ? KeyReused()
            : new Replay(record, protector.Unprotect(Convert.FromBase64String(record.ResponseBody)));

    /// <summary>SHA-256 of method, path with query, and the raw body (buffered by <see cref="IdempotencyEndpointExtensions.UseIdempotencyKeys"/>).</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException($"The request body cannot be re-read: add {nameof(IdempotencyEndpointExtensions.UseIdempotencyKeys)}() to the pipeline after routing.");
        }

        request.Body.Position = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed record Captured(int StatusCode, string? ContentType, string? Location, byte[] Body);

    /// <summary>Executes the handler's result into memory: status and headers stay on the response, the body is returned.</summary>
    private static async Task<Captured> CaptureAsync(HttpContext http, object? result)
    {
        var asResult = result switch
        {
            IResult r => r,
            null => Results.Empty,
            string s => Results.Text(s),
            _ => Results.Json(result),
        };
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await asResult.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        var location = http.Response.Headers.Location.ToString();
        return new Captured(http.Response.StatusCode, http.Response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }

    private static ProblemHttpResult InvalidKey() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            type: ProblemTypeBase + "idempotency-key-invalid",
            title: "Idempotency-Key の形式が正しくありません / The Idempotency-Key header is not valid",
            detail: "1〜200文字の半角英数字・記号で1つだけ指定してください（UUID がおすすめです）。 Send one key of 1 to 200 printable ASCII characters; a UUID is a good choice.");

    private static ProblemHttpResult KeyReused() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: ProblemTypeBase + "idempotency-key-reused",
            title: "この Idempotency-Key は別の内容のリクエストに使われています / This Idempotency-Key was used for a different request",
            detail: "内容を変えたリクエストには新しいキーを使ってください。 Use a new key for a request with different content.");

    private static ProblemHttpResult InProgress() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            type: ProblemTypeBase + "idempotency-in-progress",
            title: "処理中です / In progress",
            detail: "同じキーのリクエストを処理しています。少し待ってから同じキーで再送してください。 A request with this key is being processed; retry with the same key shortly.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key already claimed by a concurrent request; answering with its result.")]
    private static partial void LogClaimLost(ILogger logger, Exception exception);

    /// <summary>The handler's buffered body; its status and headers are already on the response.</summary>
    private sealed class BufferedBody(byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (body.Length > 0)
            {
                httpContext.Response.ContentLength = body.Length;
                await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }

    /// <summary>The first answer again, marked <c>Idempotent-Replayed: true</c>.</summary>
    private sealed class Replay(IdempotencyRecord record, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode;
            if (record.ContentType is not null)
            {
                response.ContentType = record.ContentType;
            }

            if (record.Location is not null)
            {
                response.Headers.Location = record.Location;
            }

            response.Headers[ReplayedHeaderName] = "true";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
