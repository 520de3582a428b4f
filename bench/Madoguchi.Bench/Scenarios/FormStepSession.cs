using System.Net;
using System.Text.RegularExpressions;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// A citizen's draft for the form-step scenario: a step page only renders inside a started application
/// (without a draft it redirects to the start page), so the setup starts one like a browser does (GET the
/// start page, POST its form with the antiforgery token) and every measured request carries its cookies.
/// </summary>
public static partial class FormStepSession
{
    private static string? _cookieHeader;

    /// <summary>The draft's cookies as a Cookie header (set by <see cref="StartAsync"/>).</summary>
    public static string? CookieHeader => _cookieHeader;

    /// <summary>Starts a draft; null when ready, else why not.</summary>
    public static async Task<string?> StartAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_cookieHeader is not null)
        {
            return null;
        }

        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = context.App.RootUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Host = context.App.HostHeader;
        var startPath = $"/apply/{Uri.EscapeDataString(context.Form.Slug)}";
        using var page = await client.GetAsync(startPath, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK || TokenPattern().Match(html) is not { Success: true } token)
        {
            return $"GET {startPath} answered {(int)page.StatusCode} without a start form";
        }

        using var start = await client.PostAsync(startPath, new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]), cancellationToken);
        if (start.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
        {
            return $"POST {startPath} answered {(int)start.StatusCode}, expected a redirect to the first step";
        }

        _cookieHeader = cookies.GetCookieHeader(context.App.RootUri);
        using var probe = new HttpRequestMessage(HttpMethod.Get, context.Form.StepPath);
        probe.Headers.Add("Cookie", _cookieHeader);
        using var step = await client.SendAsync(probe, cancellationToken);
        return step.StatusCode == HttpStatusCode.OK ? null
            : $"GET {context.Form.StepPath} with a started draft answered {(int)step.StatusCode} (location {step.Headers.Location}): check stepId in the bench form file";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
