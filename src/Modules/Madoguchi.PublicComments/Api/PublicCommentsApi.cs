using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Http;
using Madoguchi.Platform.Idempotency;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Api;

public sealed record SectionDto(int Number, string Heading, string Body);

public sealed record ProcessDto(string Id, string Title, string Summary, DateTimeOffset OpensAt, DateOnly ReceivedBy, DateTimeOffset Deadline,
    string State, IReadOnlyList<string> Channels, IReadOnlyList<string> RequiredFields, bool ResultPublished, IReadOnlyList<SectionDto> Sections, string Url);

public sealed record OpinionRequest(string? Name, string? Address, string? Email, string? AgeGroup, int? Section, string? Opinion);

public sealed record ReceiptDto(string ReceiptNumber, DateTimeOffset ReceivedAt, string Process);

public sealed record ResultRowDto(int Number, string Section, int Opinions, string Summary, string Response, bool DraftChanged);

public sealed record ResultDto(string Id, string Title, DateTimeOffset PublishedAt, int Opinions, IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> BySection, IReadOnlyList<ResultRowDto> Rows);

/// <summary>
/// Public comment over HTTP: the processes, sending an opinion (no key needed; Idempotency-Key makes a
/// retry return the first receipt), and the published results — never personal data.
/// </summary>
public static class PublicCommentsApi
{
    public static IEndpointRouteBuilder MapPublicCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/public-comments").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("PublicComments").AllowAnonymous();
        api.MapGet("", List).WithName("ListPublicComments").WithSummary("Public comment processes (パブリックコメント) with their period (Japan time), channels and draft sections.");
        api.MapPost("/{id}/opinions", Send).WithName("SendOpinion").WithIdempotency()
            .WithSummary("Send an opinion on the draft (section optional). Refused after the deadline (必着, end of the last day, Japan time). An Idempotency-Key makes a retry return the first receipt.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/{id}/results", GetResults).WithName("GetPublicCommentResults")
            .WithSummary("The published result (意見の概要と市の考え方) with counts per channel and section; 404 until published.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string State(PublicCommentProcess p, DateTime now) => p.IsOpen(now) ? "open" : p.HasOpened(now) ? "closed" : "upcoming";

    private static ProcessDto ToDto(PublicCommentProcess p, IEnumerable<DraftSection> sections, DateTime now) => new(
        p.Slug, p.TitleJa, p.SummaryJa, new DateTimeOffset(p.OpensAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)), p.ReceivedBy,
        new DateTimeOffset(p.DeadlineUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)), State(p, now),
        [.. Enum.GetValues<OpinionChannels>().Where(c => c != OpinionChannels.None && p.Accepts(c)).Select(c => c.ToString())],
        [.. new[] { (p.RequireName, "name"), (p.RequireAddress, "address"), (p.RequireContact, "email") }.Where(x => x.Item1).Select(x => x.Item2)],
        p.ResultPublishedAt is not null, [.. sections.OrderBy(s => s.Number).Select(s => new SectionDto(s.Number, s.HeadingJa, s.BodyJa))], $"/public-comments/{p.Slug}");

    private static async Task<Ok<List<ProcessDto>>> List(MadoguchiDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var processes = await db.Set<PublicCommentProcess>().AsNoTracking().OrderByDescending(p => p.OpensAt).ToListAsync(cancellationToken);
        var sections = (await db.Set<DraftSection>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.ProcessId);
        return TypedResults.Ok(processes.Select(p => ToDto(p, sections[p.Id], now)).ToList());
    }

    private static async Task<Results<Created<ReceiptDto>, Ok<ReceiptDto>, ProblemHttpResult>> Send(string id, OpinionRequest request, HttpContext http,
        MadoguchiDb db, OpinionIntake intake, OpinionRateLimiter limiter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var process = await db.Set<PublicCommentProcess>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == id, cancellationToken);
        if (process is null)
        {
            return Problem(StatusCodes.Status404NotFound, "見つかりません / Not found", "その意見募集はありません。一覧（/api/v1/public-comments）から選んでください。 There is no such public comment; pick one from /api/v1/public-comments.");
        }

        if (!limiter.TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            http.Response.Headers.RetryAfter = "3600";
            return Problem(StatusCodes.Status429TooManyRequests, "送信が多すぎます / Too many opinions", "この端末からの送信が多すぎます。しばらくしてからお送りください。 Too many opinions from this address; try again later.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = http.Request.Headers[IdempotencyFilter.HeaderName].ToString();
        var result = await intake.TakeAsync(process, new OpinionInput(request.Name, request.Address, request.Email, request.AgeGroup, request.Section, request.Opinion),
            OpinionChannels.Web, now, now, key.Length is > 0 and <= 200 ? "api:" + key : null, null, cancellationToken);
        var deadline = $"{PublicCommentProcess.JapaneseDate(process.ReceivedBy)} 23:59（日本時間）";
        return result.Error switch
        {
            IntakeError.None when result.Duplicate => TypedResults.Ok(Receipt(result.Opinion!, process)),
            IntakeError.None => TypedResults.Created($"/public-comments/{process.Slug}/sent?receipt={result.Opinion!.ReceiptNumber}", Receipt(result.Opinion!, process)),
            IntakeError.Closed => Problem(StatusCodes.Status409Conflict, "受付期間が終了しました / The period has closed",
                $"この意見募集は{deadline}必着で締め切りました。 This public comment closed at the end of {process.ReceivedBy:yyyy-MM-dd}, Japan time.", ("deadline", new DateTimeOffset(process.DeadlineUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)))),
            IntakeError.NotOpenYet => Problem(StatusCodes.Status409Conflict, "受付はまだ始まっていません / Not open yet",
                $"受付開始は{PublicCommentProcess.ToJapan(process.OpensAt):yyyy年M月d日 H:mm}（日本時間）です。 Opens {new DateTimeOffset(process.OpensAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} JST."),
            IntakeError.KeyReused => Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key の再利用 / Key reused", "同じ Idempotency-Key で別の内容が送られました。 A different opinion was sent with the same Idempotency-Key."),
            _ => Problem(StatusCodes.Status400BadRequest, "入力内容を確認してください / Check the opinion",
                string.Join(" ", result.FieldErrors.Select(e => $"{e.Key}: {e.Value}")), ("errors", result.FieldErrors)),
        };
    }

    private static ReceiptDto Receipt(Opinion opinion, PublicCommentProcess process) =>
        new(opinion.ReceiptNumber, new DateTimeOffset(opinion.ReceivedAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)), process.Slug);

    private static async Task<Results<Ok<ResultDto>, ProblemHttpResult>> GetResults(string id, MadoguchiDb db, CancellationToken cancellationToken)
    {
        var process = await db.Set<PublicCommentProcess>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == id && p.ResultPublishedAt != null, cancellationToken);
        if (process is null)
        {
            return Problem(StatusCodes.Status404NotFound, "公表された結果はありません / No published result", "その意見募集の結果はまだ公表されていません。 The result of that public comment has not been published.");
        }

        var (result, _) = await ResultTable.BuildAsync(db, process, cancellationToken);
        return TypedResults.Ok(new ResultDto(process.Slug, process.TitleJa, new DateTimeOffset(process.ResultPublishedAt!.Value, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)),
            result.OpinionCount, result.ByChannel, result.BySection.ToDictionary(s => s.Section, s => s.Count),
            [.. result.Rows.Select(r => new ResultRowDto(r.Number, r.Section, r.OpinionCount, r.Summary, r.Response, r.DraftChanged))]));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, params (string Key, object? Value)[] extensions) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: extensions.Length == 0 ? null : extensions.ToDictionary(e => e.Key, e => e.Value));
}
