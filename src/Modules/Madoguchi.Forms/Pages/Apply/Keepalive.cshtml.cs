using Madoguchi.Forms.Drafts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>"Stay signed in": extends the form session. Script callers get 204; a plain form post goes back.</summary>
public sealed class KeepaliveModel(DraftStore drafts, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet(string slug) => Redirect($"/apply/{slug}/check");

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var lookup = await drafts.FindAsync(HttpContext, slug, cancellationToken);
        if (lookup is { State: DraftState.Active, Draft: { } draft })
        {
            draft.Touch(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (lookup.State == DraftState.TimedOut)
        {
            return Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal) ? StatusCode(409) : Redirect($"/apply/{slug}/timed-out");
        }

        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return new NoContentResult();
        }

        var referer = Request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == Request.Host.Host && uri.AbsolutePath.StartsWith($"/apply/{slug}", StringComparison.Ordinal)
            ? Redirect(uri.PathAndQuery)
            : Redirect($"/apply/{slug}/check");
    }
}
