using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Rendering;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Staff.Forms;

/// <summary>
/// Staff: one procedure's form. The open draft version is edited as JSON; every save checks it and
/// shows a preview of every page as citizens will see it; an approver publishes it. Older versions
/// stay readable (and in use by drafts and submissions made with them).
/// </summary>
[Authorize(Policy = "staff")]
public sealed class EditModel(IProcedureCatalog catalog, FormVersionEditor editor, MadoguchiDb db, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public ProcedureInfo? Procedure { get; private set; }

    public IReadOnlyList<FormVersion> Versions { get; private set; } = [];

    public FormVersion? Shown { get; private set; }

    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    public IReadOnlyList<(FormStep Step, IReadOnlyList<FieldView> Fields)> Preview { get; private set; } = [];

    public bool CanPublish { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Definition { get; set; }

    public bool English { get; } = FormJourney.English;

    public async Task<IActionResult> OnGetAsync(string slug, int? version, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } denied)
        {
            return denied;
        }

        Shown = version is { } n ? Versions.FirstOrDefault(v => v.Number == n) : Versions.Count > 0 ? Versions[0] : null;
        Definition = Shown?.DefinitionJson;
        Message = done switch
        {
            "published" => English ? "Published. New applications use this version now." : "公開しました。これからの申請はこの版を使います。",
            "saved" => English ? "Saved. The checks passed; the preview below shows the pages." : "保存しました。チェックを通過しました。下のプレビューで画面を確認できます。",
            _ => null,
        };
        if (Shown is not null)
        {
            BuildPreview(Shown.Definition());
        }

        return Page();
    }

    /// <summary>Opens a draft version (a copy of the latest) for editing.</summary>
    public async Task<IActionResult> OnPostNewAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } denied)
        {
            return denied;
        }

        var draft = await editor.DraftAsync(Procedure!.Id, cancellationToken);
        return Redirect($"/staff/forms/{slug}?version={draft.Number}");
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, int version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } denied)
        {
            return denied;
        }

        var draft = await editor.FindAsync(Procedure!.Id, version, cancellationToken);
        if (draft is null || draft.Status != FormVersionStatus.Draft)
        {
            return Redirect($"/staff/forms/{slug}?version={version}");
        }

        Shown = draft;
        var (definition, problems) = FormVersionEditor.Check(Definition ?? "");
        if (definition is null)
        {
            // Nothing is saved; the JSON as typed stays in the editor.
            Problems = problems;
            return Page();
        }

        draft.Edit(definition);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/forms/{slug}?version={version}&done=saved");
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, int version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!CanPublish)
        {
            return Forbid();
        }

        var draft = await editor.FindAsync(Procedure!.Id, version, cancellationToken);
        if (draft is { Status: FormVersionStatus.Draft })
        {
            var (definition, problems) = FormVersionEditor.Check(draft.DefinitionJson);
            if (definition is null)
            {
                Shown = draft;
                Definition = draft.DefinitionJson;
                Problems = problems;
                return Page();
            }

            draft.Publish(actor.Actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/staff/forms/{slug}?version={version}&done=published");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Procedure = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(p => p.Slug == slug);
        if (Procedure is null)
        {
            return NotFound();
        }

        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        if (!FormVersionEditor.CanEdit(scope, Procedure))
        {
            return Forbid();
        }

        CanPublish = FormVersionEditor.CanPublish(scope, User, Procedure);
        Versions = await editor.VersionsAsync(Procedure.Id, cancellationToken);
        return null;
    }

    private void BuildPreview(FormDefinition definition) =>
        Preview = [.. definition.Steps.Select(s => (s, FormRendering.FieldsToRender(definition, s, new JsonObject(), [], English)))];
}
