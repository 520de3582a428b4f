using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Madoguchi.Web.Infrastructure;

/// <summary>
/// Admission control (受付制限) on the public write paths: at most <see cref="AdmissionOptions.PublicWriteConcurrency"/>
/// citizens' writes (applications, bookings, opinions, payments) run at once and a short queue waits behind them;
/// anything beyond is answered at once with 503 and Retry-After instead of queueing until it times out, so the
/// admitted requests keep their latency and the app recovers by itself when the wave passes (ADR 0041).
/// Staff pages, reads and health checks are never limited here; the per-address rate limits still apply.
/// </summary>
public static class Admission
{
    public const string Partition = "public-write";

    /// <summary>The staff session cookie (WebSetup).</summary>
    public const string StaffCookieName = "madoguchi.staff";

    public static PartitionedRateLimiter<HttpContext> CreateGlobalLimiter(AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PartitionedRateLimiter.Create<HttpContext, string>(context => IsPublicWrite(context.Request)
            ? RateLimitPartition.GetConcurrencyLimiter(Partition, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.PublicWriteConcurrency,
                QueueLimit = options.PublicWriteQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("unlimited"));
    }

    /// <summary>A state-changing request from the public side (not staff, not an API key holder, not the operator's endpoints).</summary>
    public static bool IsPublicWrite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        // Staff and systems (a staff session or an API key) are not citizens' wave: they keep working through it. A forged
        // header buys nothing: authentication refuses it before any work is done.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Cookies.ContainsKey(StaffCookieName))
        {
            return false;
        }

        var path = request.Path;
        return !path.StartsWithSegments("/staff") && !path.StartsWithSegments("/bench") && !path.StartsWithSegments("/language");
    }

    /// <summary>
    /// Answers a refused request: 429 when the caller passed its own per-address limit (the lease says when to
    /// retry), 503 when the service as a whole is full (retry in a few seconds). JSON for the API, a short page
    /// for a browser form, both in Japanese and English.
    /// </summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var perClient = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var seconds = perClient ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 2;
        http.Response.StatusCode = perClient ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var ja = perClient
            ? $"リクエストが多すぎます。{seconds}秒ほど待ってからやり直してください。"
            : "ただいま大変混み合っています。数秒待ってから、もう一度送信してください。";
        var en = perClient
            ? $"Too many requests: wait about {seconds} seconds and try again."
            : "The service is very busy right now: wait a few seconds and send again.";
        if (http.Request.Path.StartsWithSegments("/api") || !(http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)))
        {
            await http.Response.WriteAsJsonAsync(new
            {
                type = perClient ? "https://madoguchi.example/problems/too-many-requests" : "https://madoguchi.example/problems/busy",
                title = $"{ja} / {en}",
                status = http.Response.StatusCode,
                retryAfterSeconds = seconds,
            }, cancellationToken);
            return;
        }

        // A browser form: nothing was saved from this post, and the page they came from still holds what they typed.
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>混み合っています | Busy</title></head>
            <body><main><h1>ただいま混み合っています</h1>
            <p>{ja}ブラウザの「戻る」で前の画面に戻ると、入力した内容はそのまま残っています。</p>
            <p lang="en">{en} Use your browser's Back button: what you typed is still on the previous page.</p>
            </main></body></html>
            """, cancellationToken);
    }
}

/// <summary>Configuration section <c>Admission</c>.</summary>
public sealed class AdmissionOptions
{
    /// <summary>Public writes running at once (default: 4 per processor core).</summary>
    public int PublicWriteConcurrency { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// Public writes that may wait for a place (default: twice as many as run); beyond them the answer is 503. As many
    /// as run refused 0.3–0.4 % of submissions in ordinary bursts at half capacity; twice as many, under 0.1 %, with the
    /// overload's admitted p99 still under 200 ms (ADR 0041, addendum).
    /// </summary>
    public int PublicWriteQueue { get; set; } = 8 * Environment.ProcessorCount;
}
