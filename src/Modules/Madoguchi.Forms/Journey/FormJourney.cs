using System.Globalization;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Http;

namespace Madoguchi.Forms.Journey;

/// <summary>Everything a journey page needs: the procedure, this browser's draft and the form version the draft was started with.</summary>
public sealed record JourneyContext(ProcedureInfo Procedure, PublishedForm CurrentForm, DraftLookup Lookup, PublishedForm? DraftForm)
{
    public Draft? Draft => Lookup.Draft;

    /// <summary>The form to show: the draft's own version (even if a newer one is published), else the current one.</summary>
    public PublishedForm Form => DraftForm ?? CurrentForm;

    public FormDefinition Definition => Form.Definition;
}

/// <summary>
/// The citizen journey (GOV.UK Forms' shape): start → one page per question group → check your
/// answers → submit → receipt. Loads the context and works out where to go next.
/// </summary>
public sealed class FormJourney(IProcedureCatalog catalog, FormVersions versions, DraftStore drafts, UploadStore uploads, TimeProvider clock)
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<JourneyContext?> LoadAsync(HttpContext http, string slug, CancellationToken cancellationToken)
    {
        var procedure = await catalog.FindAsync(slug, cancellationToken);
        var current = procedure is null ? null : await versions.CurrentAsync(procedure.Id, cancellationToken);
        if (procedure is null || current is null)
        {
            return null;
        }

        var lookup = await drafts.FindAsync(http, slug, cancellationToken);
        var draftForm = lookup.Draft is { } draft && draft.FormVersionId != current.Id
            ? await versions.GetAsync(draft.FormVersionId, cancellationToken)
            : null;
        return new JourneyContext(procedure, current, lookup, draftForm);
    }

    public async Task<FormContext> FormContextAsync(Draft draft, CancellationToken cancellationToken)
    {
        var files = await uploads.ForDraftAsync(draft.Id, cancellationToken);
        return new FormContext(Submissions.SubmissionService.Today(clock.GetUtcNow().UtcDateTime))
        {
            FindUpload = id => files.TryGetValue(id, out var info) ? info : null,
        };
    }

    public static string StepUrl(string slug, string stepId) => $"/apply/{slug}/{stepId}";

    public static string CheckUrl(string slug) => $"/apply/{slug}/check";

    /// <summary>The visible step after <paramref name="stepId"/>, or null when it was the last.</summary>
    public static FormStep? NextStep(FormDefinition definition, JsonObject answers, string stepId)
    {
        var visible = FormEngine.VisibleSteps(definition, answers);
        var index = visible.ToList().FindIndex(s => s.Id == stepId);
        return index >= 0 && index + 1 < visible.Count ? visible[index + 1] : index < 0 && visible.Count > 0 ? visible[0] : null;
    }

    public static FormStep? PreviousStep(FormDefinition definition, JsonObject answers, string stepId)
    {
        var visible = FormEngine.VisibleSteps(definition, answers);
        var index = visible.ToList().FindIndex(s => s.Id == stepId);
        return index > 0 ? visible[index - 1] : null;
    }

    /// <summary>The step that asks the field at the start of an error path (<c>members[1].name</c> → the step with <c>members</c>).</summary>
    public static FormStep? StepOf(FormDefinition definition, string path)
    {
        var id = path.Split('.', '[')[0];
        return definition.Steps.FirstOrDefault(s => s.Fields.Any(f => f.Id == id));
    }
}
