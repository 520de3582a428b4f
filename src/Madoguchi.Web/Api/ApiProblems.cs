using Microsoft.AspNetCore.Http.HttpResults;

namespace Madoguchi.Web.Api;

/// <summary>RFC 9457 problems of the API, each in Japanese and English and saying what to do.</summary>
internal static class ApiProblems
{
    private const string TypeBase = "https://madoguchi.example/problems/";

    public static ProblemHttpResult NotFound(string whatJa, string whatEn) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            type: TypeBase + "not-found",
            title: $"{whatJa}が見つかりません / {whatEn} not found",
            detail: $"ID を確かめてください。一覧 API で今ある{whatJa}の ID を確認できます。 Check the id; the list endpoint shows the ids that exist.");

    public static ProblemHttpResult Conflict(string type, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: TypeBase + type, title: title, detail: detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            type: TypeBase + "validation",
            title: "入力内容に誤りがあります / The request has errors",
            detail: "errors の各項目を直して、もう一度送ってください。 Correct each item listed in errors and send the request again.");

    /// <summary>Documents the 401 and 403 answers of an endpoint that needs an API key scope.</summary>
    public static RouteHandlerBuilder ProducesAuthProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
