namespace Madoguchi.Web.Infrastructure;

/// <summary>
/// Plain Japanese and English for API errors that carry no text of their own (401, 403, 404, …):
/// what happened and what to do. Endpoints that know more set their own title and detail.
/// </summary>
public static class ProblemText
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || !string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        (string Title, string Detail)? text = status switch
        {
            400 => ("リクエストの内容に誤りがあります / The request is not valid",
                "エラーの項目を直して送り直してください。 Correct the fields listed and send the request again."),
            401 => ("認証が必要です / Authentication required",
                "有効な API キーを Authorization: Bearer で送ってください。 Send a valid API key as Authorization: Bearer <key>."),
            403 => ("この操作の権限がありません / Not allowed",
                "必要な権限（API キーのスコープ、または所属・役割）がありません。管理者に依頼してください。 This needs a permission you do not have (an API key scope, or a department or role): ask an administrator."),
            404 => ("見つかりません / Not found",
                "URL と ID を確かめてください。 Check the URL and the identifier."),
            409 => ("競合が発生しました / Conflict",
                "最新の状態を取得してからやり直してください。 Fetch the current state and try again."),
            429 => ("リクエストが多すぎます / Too many requests",
                "1分ほど待ってからやり直してください。 Wait a minute and try again."),
            >= 500 => ("サーバーで問題が発生しました / Server error",
                "しばらくしてからやり直してください。解決しない場合は traceId を添えて連絡してください。 Try again later; if it persists, contact us quoting the traceId."),
            _ => null,
        };
        if (text is { } t)
        {
            // An endpoint's own title (e.g. why a lottery may not be drawn) stays; the general advice becomes its detail.
            if (!HasOwnTitle(problem.Title, status))
            {
                problem.Title = t.Title;
            }

            problem.Detail = t.Detail;
        }
    }

    /// <summary>An endpoint that wrote its own title (e.g. why a lottery may not be drawn) keeps it: only the framework's default English phrase is replaced.</summary>
    private static bool HasOwnTitle(string? title, int status) =>
        !string.IsNullOrEmpty(title)
        && title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
        && title != "An error occurred while processing your request."
        && title != "One or more validation errors occurred.";
}
