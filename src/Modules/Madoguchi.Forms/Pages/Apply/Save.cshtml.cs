using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Journey;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>Save and come back later (後で続ける): the answers are already saved; this emails a link to resume.</summary>
public sealed class SaveModel(FormJourney journey, ResumeLinks links, MadoguchiDb db) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public bool English { get; } = FormJourney.English;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Step { get; set; }

    public string? EmailError { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var answers = Journey!.Draft!.Answers();
        Email = Journey.Draft.Email ?? Journey.Definition.AllFields()
            .Where(f => f.Type == Definitions.FieldType.Email)
            .Select(f => answers[f.Id]?.ToString())
            .FirstOrDefault(e => !string.IsNullOrEmpty(e));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        Email = Email?.Trim();
        if (!ResumeLinks.IsEmail(Email))
        {
            EmailError = English
                ? "Enter an email address in the correct format, like name@example.jp"
                : "メールアドレスを正しい形式で入力してください（例：name@example.jp）";
            return Page();
        }

        Journey!.Draft!.Email = Email;
        Sent = await links.SendAsync(HttpContext, Journey, Email!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        return Journey is null ? NotFound()
            : Journey.Lookup.State switch
            {
                DraftState.Active => null,
                DraftState.TimedOut => Redirect($"/apply/{slug}/timed-out"),
                DraftState.Submitted => Redirect($"/apply/{slug}/done"),
                _ => Redirect($"/apply/{slug}"),
            };
    }

    public string ReturnUrl => Step is { Length: > 0 } step && Journey!.Definition.FindStep(step) is not null
        ? FormJourney.StepUrl(Journey.Procedure.Slug, step)
        : FormJourney.CheckUrl(Journey!.Procedure.Slug);
}
