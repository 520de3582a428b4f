using System.Net;
using System.Text.RegularExpressions;

namespace Madoguchi.Testing.Accounts;

/// <summary>A citizen signing in by email link (住民アカウント) the way a browser without JavaScript does: ask, read the email, confirm.</summary>
public static partial class CitizenSignIn
{
    [GeneratedRegex(@"/account/sign-in/[A-Za-z0-9_-]{20,}(\?returnUrl=[^\s]*)?")]
    private static partial Regex LinkPattern();

    /// <summary>Posts the sign-in page's form with <paramref name="email"/>.</summary>
    public static async Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(new Uri("/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), UriKind.Relative));
        var document = await Html.ParseAsync(page);
        return await Html.SubmitAsync(client, document, "#account-sign-in", new Dictionary<string, string> { ["Email"] = email });
    }

    /// <summary>The sign-in links emailed to <paramref name="email"/> (paths, oldest first), waiting up to 30 s until there are <paramref name="atLeast"/>.</summary>
    public static async Task<IReadOnlyList<string>> LinksAsync(MadoguchiApp app, string email, int atLeast = 1)
    {
        ArgumentNullException.ThrowIfNull(app);
        var links = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            links.Clear();
            if (Directory.Exists(app.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(app.MailDirectory, "*.eml").OrderBy(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                        && LinkPattern().Match(message.TextBody ?? "") is { Success: true } match)
                    {
                        links.Add(match.Value);
                    }
                }
            }

            if (links.Count >= atLeast)
            {
                return links;
            }

            await Task.Delay(100);
        }

        return links;
    }

    /// <summary>Opens the link and presses the confirm button; returns the POST's response (a redirect when signed in).</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string link)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var document = await Html.ParseAsync(page);
        return await Html.SubmitAsync(client, document, "#account-confirm", new Dictionary<string, string>());
    }

    /// <summary>Signs <paramref name="client"/> in as <paramref name="email"/> (the account is created at the first sign-in).</summary>
    public static async Task SignInAsync(MadoguchiApp app, HttpClient client, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var before = (await LinksAsync(app, email, 0)).Count;
        using var asked = await RequestLinkAsync(client, email);
        if (asked.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Asking for a sign-in link answered {(int)asked.StatusCode}.");
        }

        var links = await LinksAsync(app, email, before + 1);
        using var confirmed = await ConfirmAsync(client, links[^1]);
        if (confirmed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirming the sign-in link answered {(int)confirmed.StatusCode}.");
        }
    }
}
