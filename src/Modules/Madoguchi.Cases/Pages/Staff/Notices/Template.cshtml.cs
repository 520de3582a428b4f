using System.Globalization;
using Madoguchi.Cases.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Cases.Pages.Staff.Notices;

/// <summary>
/// One notice wording: edit the subject and body, preview them with sample values (a post, no JavaScript),
/// save. An unknown placeholder is a field error naming the ones this notice can fill; what was typed stays.
/// The page carries the row's stamp: if someone saved in between, the save is refused with a conflict that
/// shows their wording and keeps this editor's text (saving again then replaces theirs knowingly). System admins only.
/// </summary>
[Authorize(Policy = CasesModule.TemplatesPolicy)]
public sealed class TemplateModel(NotificationTemplateEditor editor) : PageModel
{
    public sealed record PageError(string Field, string Message);

    private static readonly string[] Fields = ["subject", "body"];

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Kind { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Stamp { get; private set; } = "";

    /// <summary>What is stored now (shown on a conflict: the other editor's wording).</summary>
    public NotificationTemplateEditor.Entry? Current { get; private set; }

    public bool Conflict { get; private set; }

    public bool Previewing { get; private set; }

    public List<PageError> Errors { get; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<string> Placeholders => NotificationTemplateEditor.PlaceholdersFor(Kind);

    public string PreviewSubject => NotificationTemplates.Render(Subject, NotificationTemplateEditor.SampleValues(Language));

    public string PreviewBody => NotificationTemplates.Render(Body, NotificationTemplateEditor.SampleValues(Language));

    public async Task<IActionResult> OnGetAsync(string kind, string language, CancellationToken cancellationToken)
    {
        if (!NotificationTemplateEditor.IsKnown(kind, language))
        {
            return NotFound();
        }

        Kind = kind;
        Language = language;
        Current = await editor.GetAsync(kind, language, cancellationToken);
        (Subject, Body, Stamp) = (Current.Subject, Current.Body, Current.Stamp);
        return Page();
    }

    /// <summary>One form, two buttons: <c>intent=preview</c> (プレビュー: the typed wording with sample values, nothing saved) or save.</summary>
    public async Task<IActionResult> OnPostAsync(string kind, string language, string? subject, string? body, string? stamp, string? intent, CancellationToken cancellationToken)
    {
        if (!NotificationTemplateEditor.IsKnown(kind, language))
        {
            return NotFound();
        }

        Keep(kind, language, subject, body, stamp);
        AddErrors(NotificationTemplateEditor.Validate(kind, subject, body));
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (intent == "preview")
        {
            Previewing = true;
            return Page();
        }

        var result = await editor.SaveAsync(kind, language, Subject.Trim(), NormalizeNewLines(Body), Stamp, cancellationToken);
        if (result == NotificationTemplateEditor.SaveResult.Saved)
        {
            return Redirect($"/staff/notices/templates/{kind}/{language}?done=saved");
        }

        // Someone saved first: show theirs, keep ours, and carry their stamp so that saving again replaces theirs knowingly.
        Conflict = true;
        Current = await editor.GetAsync(kind, language, cancellationToken);
        Stamp = Current.Stamp;
        return Page();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private void Keep(string kind, string language, string? subject, string? body, string? stamp)
    {
        Kind = kind;
        Language = language;
        Subject = subject ?? "";
        Body = body ?? "";
        Stamp = stamp ?? "";
    }

    private void AddErrors(Dictionary<string, (string Ja, string En)> errors)
    {
        foreach (var field in Fields)
        {
            if (errors.TryGetValue(field, out var message))
            {
                Errors.Add(new(field, English ? message.En : message.Ja));
            }
        }
    }

    private static string NormalizeNewLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
