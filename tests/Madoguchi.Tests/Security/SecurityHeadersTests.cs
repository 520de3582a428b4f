using System.Net;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Security;

/// <summary>Every page carries a strict CSP with frame-ancestors, nosniff and a Referrer-Policy; HSTS is sent over TLS only.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task EveryPublicPageAndStaffSignIn_CarriesTheSecurityHeaders()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = SecurityApp.Client(app);
        var pages = AuthorizationMatrixTests.Rules
            .Where(r => r.Key.StartsWith("PAGE ", StringComparison.Ordinal))
            .Select(r => r.Value.Sample ?? r.Key[5..].Replace("{slug}", "moving-in", StringComparison.Ordinal).Replace("{token}", "x", StringComparison.Ordinal)
                .Replace("{reference}", "x", StringComparison.Ordinal).Replace("{stepId}", "x", StringComparison.Ordinal).Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal))
            .Append("/no-such-page")
            .ToList();
        Assert.True(pages.Count > 40, $"{pages.Count} pages");
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), SecurityApp.Ct);
            var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var c) ? c : []);
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && csp.Contains("script-src 'self'", StringComparison.Ordinal) && !csp.Contains("unsafe-inline", StringComparison.Ordinal), $"{page}: CSP '{csp}'");
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var n) && n.Single() == "nosniff", $"{page}: nosniff");
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var rp) && rp.Single() is "same-origin" or "no-referrer", $"{page}: Referrer-Policy");
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{page}: HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task OverTls_HstsIsSent()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateDefaultClient(new Uri("https://" + SecurityApp.MusashinoHost));
        using var response = await client.GetAsync(new Uri("/procedures", UriKind.Relative), SecurityApp.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=", hsts, StringComparison.Ordinal);
    }
}
