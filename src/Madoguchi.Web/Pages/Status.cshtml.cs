using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Web.Pages;

/// <summary>Friendly page for 404, 403 and other status codes of page requests.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Text) = code switch
        {
            404 => (t["NotFoundTitle"].Value, t["NotFoundText"].Value),
            403 => (t["ForbiddenTitle"].Value, t["ForbiddenText"].Value),
            429 => (t["TooManyTitle"].Value, t["TooManyText"].Value),
            _ => (t["ErrorTitle"].Value, t["ErrorText"].Value),
        };
    }

    public void OnPost(int code) => OnGet(code);
}
