using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Schema;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Http;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Madoguchi.Forms.Api;

/// <summary>
/// The forms API: the JSON Schema of a procedure's current form and anonymous submissions with
/// <c>Idempotency-Key</c>. Answers and errors follow docs/forms.md; messages follow <c>Accept-Language</c>.
/// </summary>
public static class FormsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MinKeyLength = 16;
    public const int MaxBodyBytes = 1024 * 1024;

    public sealed record SubmissionRequest(JsonObject Answers);

    public sealed record SubmissionCreated(string ReceiptNumber, string Status, string StatusUrl);

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/procedures/{slug}").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("Forms").AllowAnonymous();
        api.MapGet("/schema", GetSchema).WithName("GetProcedureFormSchema")
            .WithSummary("JSON Schema (2020-12) of the answers to the procedure's current form; rules it cannot express are listed in x-server-rules.")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/submissions", Submit).WithName("SubmitApplication")
            .WithSummary("Submits an application { answers }. Idempotency-Key (16–200 characters, e.g. a UUID) is required: a retry with the same key and body returns the same receipt; the same key with another body is refused (422).")
            .Accepts<SubmissionRequest>("application/json")
            .Produces<SubmissionCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        return app;
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static async Task<IResult> GetSchema(string slug, HttpContext http, IProcedureCatalog catalog, FormVersions versions, CancellationToken cancellationToken)
    {
        var procedure = await catalog.FindAsync(slug, cancellationToken);
        var form = procedure is null ? null : await versions.CurrentAsync(procedure.Id, cancellationToken);
        if (procedure is null || form is null)
        {
            return NoForm();
        }

        var id = $"{http.Request.Scheme}://{http.Request.Host}/api/v1/procedures/{slug}/schema?version={form.Number}";
        var schema = FormSchema.Generate(form.Definition, id, English ? procedure.TitleEn : procedure.TitleJa);
        http.Response.Headers.ETag = $"\"{slug}-v{form.Number}\"";
        return Results.Text(schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), "application/schema+json; charset=utf-8");
    }

    private static async Task<IResult> Submit(string slug, HttpContext http, IProcedureCatalog catalog, FormVersions versions, SubmissionService submissions, CancellationToken cancellationToken)
    {
        var keys = http.Request.Headers[IdempotencyHeader];
        if (keys.Count != 1 || keys[0] is not { Length: >= MinKeyLength and <= 200 } key || !key.All(c => c is >= '!' and <= '~'))
        {
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key が必要です / Idempotency-Key required",
                "ヘッダー Idempotency-Key に、申請ごとに新しい16〜200文字の値（UUID など）を付けてください。再送のときは同じ値を使います。",
                "Send an Idempotency-Key header with a new value of 16 to 200 characters (for example a UUID) for each application, and the same value when you retry.");
        }

        var procedure = await catalog.FindAsync(slug, cancellationToken);
        var form = procedure is null ? null : await versions.CurrentAsync(procedure.Id, cancellationToken);
        if (procedure is null || form is null)
        {
            return NoForm();
        }

        var (body, bodyError) = await ReadBodyAsync(http.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body!));
        JsonObject? answers;
        try
        {
            answers = JsonNode.Parse(body!)?["answers"] as JsonObject;
        }
        catch (JsonException)
        {
            answers = null;
        }

        if (answers is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "JSON を読めません / Unreadable JSON",
                "本文は UTF-8 の JSON で、{ \"answers\": { … } } の形にしてください。",
                "Send a UTF-8 JSON body shaped { \"answers\": { … } }.");
        }

        var result = await submissions.SubmitAsync(
            new SubmitCommand(procedure, form, answers, SubmissionChannel.Api) { IdempotencyKey = key, RequestHash = hash },
            token => StatusUrl(http, token), cancellationToken);
        switch (result)
        {
            case SubmitResult.Accepted accepted:
                if (accepted.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                var url = StatusUrl(http, accepted.StatusToken);
                return TypedResults.Created(url, new SubmissionCreated(accepted.Submission.ReceiptNumber, accepted.Submission.Status.ToString(), url));
            case SubmitResult.Invalid invalid:
                return Results.ValidationProblem(invalid.Validation.ToDictionary(English),
                    title: English ? "Some answers need fixing" : "入力内容に誤りがあります",
                    detail: English ? "Fix the answers listed in errors and send again: nothing was saved, so the same Idempotency-Key may be reused." : "errors に挙げた項目を直して、もう一度送ってください。何も保存されていないので、同じ Idempotency-Key を使えます。",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    type: "https://madoguchi.example/problems/invalid-answers");
            default:
                return Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key の再利用 / Idempotency-Key reused",
                    "この Idempotency-Key は別の内容の申請に使われています。新しい申請には新しい値を使ってください。",
                    "This Idempotency-Key was used for a different application. Use a new key for a new application.");
        }
    }

    public static string StatusUrl(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        return $"{http.Request.Scheme}://{http.Request.Host}/status/{token}";
    }

    private static async Task<(byte[]? Body, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "大きすぎます / Too large",
        "申請の本文は1MBまでです。ファイルは本文に入れないでください。", "An application body may be at most 1 MB; do not put files in it.");

    private static ProblemHttpResult NoForm() => Problem(StatusCodes.Status404NotFound, "見つかりません / Not found",
        "その名前の、オンライン申請できる手続きはありません。/api/v1/procedures から選んでください。",
        "There is no procedure by that name that can be applied for online; pick one from /api/v1/procedures.");

    private static ProblemHttpResult Problem(int status, string title, string ja, string en) =>
        TypedResults.Problem(statusCode: status, title: title, detail: English ? en : ja);
}
