using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Journey;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>
/// After the idle timeout: the answers are saved but no longer on screen. In the same browser
/// session the citizen continues with one click; elsewhere, with the emailed link.
/// </summary>
public sealed class TimedOutModel(FormJourney journey, ResumeLinks links, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public bool English { get; } = FormJourney.English;

    public bool HasEmail { get; private set; }

    public bool LinkSent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey is null)
        {
            return NotFound();
        }

        if (Journey.Lookup.State == DraftState.Active)
        {
            return Redirect(FormJourney.CheckUrl(slug));
        }

        HasEmail = !string.IsNullOrEmpty(Journey.Draft?.Email);
        return Page();
    }

    /// <summary>Continue in this browser: the session starts again and the citizen returns to their answers.</summary>
    public async Task<IActionResult> OnPostContinueAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey?.Draft is not { } draft || Journey.Lookup.State is DraftState.None or DraftState.Submitted)
        {
            return Redirect($"/apply/{slug}");
        }

        draft.Touch(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(FormJourney.CheckUrl(slug));
    }

    /// <summary>Emails the resume link to the address the citizen gave earlier (never to a new one typed here).</summary>
    public async Task<IActionResult> OnPostEmailAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey?.Draft is not { } draft || string.IsNullOrEmpty(draft.Email))
        {
            return Redirect($"/apply/{slug}");
        }

        LinkSent = await links.SendAsync(HttpContext, Journey, draft.Email, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        HasEmail = true;
        return Page();
    }
}
