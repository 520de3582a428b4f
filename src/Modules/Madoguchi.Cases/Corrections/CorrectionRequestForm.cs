using System.Security.Claims;
using System.Text.Json;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Transitions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Corrections;

/// <summary>What the 補正依頼 form shows: the case's questions, what was typed and the errors after a refused post.</summary>
public sealed record CorrectionRequestFormModel(
    Guid CaseId, int Version, bool CanRequest, IReadOnlyList<CorrectableField> Fields, IReadOnlyList<string> Selected, bool Documents, string Message,
    IReadOnlyDictionary<string, string> Errors, string? GeneralError, bool Sent, bool English)
{
    public const string TempDataKey = "cases.correction-form";
}

/// <summary>
/// The staff case page's 補正依頼 form: <c>@await Component.InvokeAsync("CorrectionRequestForm", new { caseId = Model.Case.Id })</c>.
/// Posts (a plain form, antiforgery, no JavaScript needed) to <c>POST /staff/cases/{id}/corrections</c>,
/// which redirects back to the case page; a refused post comes back with the errors and what was typed.
/// </summary>
public sealed class CorrectionRequestFormViewComponent(MadoguchiDb db, ISubmissionFields submissionFields) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var @case = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, HttpContext.RequestAborted);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var fields = @case is null ? [] : await submissionFields.FieldsAsync(@case.SubmissionId, HttpContext.RequestAborted);
        var posted = TempData.Peek(CorrectionRequestFormModel.TempDataKey) is string json ? JsonSerializer.Deserialize<Posted>(json) : null;
        if (posted is not null && posted.CaseId == caseId)
        {
            TempData.Remove(CorrectionRequestFormModel.TempDataKey);
        }
        else
        {
            posted = null;
        }

        var model = new CorrectionRequestFormModel(
            caseId, @case?.Version ?? 0, @case is not null && TransitionTable.TryGet(CaseAction.RequestCorrection, @case.Status, out _), fields,
            posted?.Fields ?? [], posted?.Documents ?? false, posted?.Message ?? "",
            (english ? posted?.ErrorsEn : posted?.ErrorsJa) ?? new Dictionary<string, string>(),
            english ? posted?.GeneralEn : posted?.GeneralJa,
            HttpContext.Request.Query["correction"] == "sent", english);
        return View("~/Corrections/_CorrectionRequestForm.cshtml", model);
    }

    internal sealed record Posted(Guid CaseId, List<string> Fields, bool Documents, string Message, Dictionary<string, string> ErrorsJa, Dictionary<string, string> ErrorsEn, string? GeneralJa, string? GeneralEn);
}

/// <summary><c>POST /staff/cases/{id}/corrections</c>: the staff page's 補正依頼 form (post/redirect/get).</summary>
public static class CorrectionRequestEndpoint
{
    public const string StaffPolicy = "staff";

    public static IEndpointRouteBuilder MapCorrectionRequestForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/cases/{id:guid}/corrections", PostAsync).RequireAuthorization(StaffPolicy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PostAsync(Guid id, HttpContext http, ClaimsPrincipal user, MadoguchiDb db, CorrectionService corrections, ITempDataDictionaryFactory tempData, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        // A plain form post from the staff page: the antiforgery token must be valid (CSRF).
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var actor = await CaseActor.ForAsync(db, user, cancellationToken);
        if (actor is null || actor.IsApiKey)
        {
            return Results.Forbid();
        }

        var fields = form["fields"].Where(f => !string.IsNullOrEmpty(f)).Select(f => f!).ToList();
        var documents = form["documents"] == "true";
        var message = form["message"].ToString();
        int? version = int.TryParse(form["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        var outcome = await corrections.RequestWithErrorsAsync(id, actor, new CorrectionInput(fields, documents, message, version), $"{http.Request.Scheme}://{http.Request.Host}", cancellationToken);
        var back = $"/staff/cases/{id}";
        switch (outcome.Result.Kind)
        {
            case ActionResultKind.Done:
                return Results.Redirect(back + "?correction=sent#correction-request");
            case ActionResultKind.NotFound:
                return Results.NotFound();
            default:
                var general = outcome.FieldErrorsJa.Count > 0 ? null : outcome.Result;
                var posted = new CorrectionRequestFormViewComponent.Posted(id, fields, documents, message,
                    new(outcome.FieldErrorsJa), new(outcome.FieldErrorsEn), general?.MessageJa, general?.MessageEn);
                var data = tempData.GetTempData(http);
                data[CorrectionRequestFormModel.TempDataKey] = JsonSerializer.Serialize(posted);
                data.Save();
                return Results.Redirect(back + "#correction-request");
        }
    }
}
