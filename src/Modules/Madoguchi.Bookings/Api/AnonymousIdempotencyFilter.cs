using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Idempotency;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Bookings.Api;

/// <summary>
/// <c>Idempotency-Key</c> for callers without an account (residents booking from a page or app), which
/// the platform filter ignores (ADR 0008). ADR 0031: the key must be at least 16 characters (a UUID);
/// records live in the platform's table under scope <c>anonymous:bookings</c>; a replay needs the
/// same key <em>and</em> a byte-identical body (name, email, slot…), so only a caller who already
/// knows everything in the request gets its answer; otherwise 422. Same one-transaction design.
/// Runs after the platform filter, which lets anonymous requests through untouched.
/// </summary>
public sealed class AnonymousIdempotencyFilter : IEndpointFilter
{
    public const string Scope = "anonymous:bookings";
    public const int MinKeyLength = 16;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        if (!http.Request.Headers.TryGetValue(IdempotencyFilter.HeaderName, out var values)
            || services.GetRequiredService<ICurrentActor>().Actor != "anonymous")
        {
            return await next(context);
        }

        if (values.Count != 1 || !IdempotencyFilter.IsValidKey(values[0]) || values[0]!.Length < MinKeyLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                type: "https://madoguchi.example/problems/idempotency-key-invalid",
                title: "Idempotency-Key の形式が正しくありません / The Idempotency-Key header is not valid",
                detail: $"ログインせずに使う場合は {MinKeyLength}〜200文字のキー（UUID など推測できない値）を1つ指定してください。 Without an account, send one unguessable key of {MinKeyLength} to 200 printable ASCII characters, such as a UUID.");
        }

        var key = values[0]!;
        var db = services.GetRequiredService<MadoguchiDb>();
        if (db.CurrentOrganizationId == Guid.Empty)
        {
            return await next(context);
        }

        var ct = http.RequestAborted;
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdempotencyFilter.ProtectionPurpose);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var hash = await HashAsync(http.Request, ct);
        if (await FindAsync(db, key, now, ct) is { } existing)
        {
            return Answer(existing, hash, protector);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var record = new IdempotencyRecord
        {
            Id = Guid.NewGuid(),
            OrganizationId = db.CurrentOrganizationId,
            Scope = Scope,
            Key = key,
            RequestHash = hash,
            CreatedAt = now,
            ExpiresAt = now + IdempotencyFilter.Lifetime,
        };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.Entry(record).State = EntityState.Detached;
            return await FindAsync(db, key, now, ct) is { } winner
                ? Answer(winner, hash, protector)
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: "https://madoguchi.example/problems/idempotency-in-progress",
                    title: "処理中です / In progress", detail: "同じキーのリクエストを処理しています。少し待ってから同じキーで再送してください。 Retry with the same key shortly.");
        }

        var result = await next(context);
        var (status, contentType, location, body) = await CaptureAsync(http, result);
        if (status is >= 200 and < 300)
        {
            record.StatusCode = status;
            record.ContentType = contentType;
            record.Location = location;
            record.ResponseBody = Convert.ToBase64String(protector.Protect(body));
        }
        else
        {
            db.IdempotencyRecords.Remove(record);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Bytes(body, null);
    }

    private static Task<IdempotencyRecord?> FindAsync(MadoguchiDb db, string key, DateTime now, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == Scope && r.Key == key && r.ExpiresAt > now, ct);

    private static IResult Answer(IdempotencyRecord record, string hash, IDataProtector protector) =>
        !string.Equals(record.RequestHash, hash, StringComparison.Ordinal)
            ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: "https://madoguchi.example/problems/idempotency-key-reused",
                title: "この Idempotency-Key は別の内容のリクエストに使われています / This Idempotency-Key was used for a different request",
                detail: "内容を変えたリクエストには新しいキーを使ってください。 Use a new key for a request with different content.")
            : new Bytes(protector.Unprotect(Convert.FromBase64String(record.ResponseBody)), record);

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        request.Body.Position = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<(int Status, string? ContentType, string? Location, byte[] Body)> CaptureAsync(HttpContext http, object? result)
    {
        var asResult = result as IResult ?? Results.Json(result);
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
        return (http.Response.StatusCode, http.Response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }

    /// <summary>A buffered body; with a record, the stored first answer replayed.</summary>
    private sealed class Bytes(byte[] body, IdempotencyRecord? replay) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            if (replay is not null)
            {
                response.StatusCode = replay.StatusCode;
                if (replay.ContentType is not null)
                {
                    response.ContentType = replay.ContentType;
                }

                if (replay.Location is not null)
                {
                    response.Headers.Location = replay.Location;
                }

                response.Headers[IdempotencyFilter.ReplayedHeaderName] = "true";
            }

            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
