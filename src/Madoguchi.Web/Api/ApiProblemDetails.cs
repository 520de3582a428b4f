using Microsoft.AspNetCore.Http;

namespace Madoguchi.Web.Api;

/// <summary>
/// Gives the framework's own API problems (bad JSON, unknown URL, wrong method, server error) a
/// Japanese and English title and a detail that says what to do. Problems the endpoints write
/// themselves are already bilingual and are left as they are.
/// </summary>
public static class ApiProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HttpContext.Request.Path.StartsWithSegments("/api") || context.ProblemDetails.Title?.Contains(" / ", StringComparison.Ordinal) == true)
        {
            return;
        }

        var (title, detail) = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => ("要求の形式が正しくありません / The request is not valid",
                "JSON の形式と項目名を API リファレンス（/api/reference）で確かめて、送り直してください。 Check the JSON and its field names against the API reference at /api/reference, then send it again."),
            StatusCodes.Status404NotFound => ("見つかりません / Not found",
                "URL を API リファレンス（/api/reference）で確かめてください。 Check the URL against the API reference at /api/reference."),
            StatusCodes.Status405MethodNotAllowed => ("この URL ではその操作はできません / Method not allowed",
                "使える HTTP メソッドを API リファレンスで確かめてください。 Check the allowed HTTP methods in the API reference."),
            StatusCodes.Status415UnsupportedMediaType => ("送信形式が違います / Unsupported media type",
                "Content-Type: application/json で送ってください。 Send the body as Content-Type: application/json."),
            >= 500 => ("サーバーでエラーが起きました / The server failed",
                "しばらくしてからやり直してください。続く場合は traceId を添えてシステム管理者に連絡してください。 Try again later; if it keeps failing, tell a system administrator the traceId."),
            _ => (null, null),
        };
        if (title is not null)
        {
            context.ProblemDetails.Title = title;
            context.ProblemDetails.Detail = detail;
        }
    }
}
