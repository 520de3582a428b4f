using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>
/// The applicant's 補正 page and the status page with its steps: axe-core finds nothing (including the
/// error state), and the correction works without JavaScript at 320 px.
/// </summary>
public sealed partial class CorrectionPagesTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly string[] Copies = ["copies"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CorrectionAndStatusPages_PassAxe_AndTheCorrectionWorksWithoutJavaScriptAt320px()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        await TestForms.PublishAsync(app);
        var (token, statusUrl) = await AskForCorrectionAsync(app);

        var page = await browser.NewPageAsync(app.RootUri!);
        await page.GotoAsync($"/correct/{token}");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("input[name='copies']", "abc");
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        Assert.True(await page.IsVisibleAsync(".error-summary"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync(statusUrl);
        Assert.Contains("補正依頼中", await page.InnerTextAsync("ol.status-steps"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        var plain = await browser.NewPageAsync(app.RootUri!, javaScript: false, width: 320);
        await plain.GotoAsync($"/correct/{token}");
        await plain.FillAsync("input[name='copies']", "x");
        await plain.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        Assert.Equal("x", await plain.InputValueAsync("input[name='copies']"));
        await plain.FillAsync("input[name='copies']", "3");
        await plain.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        Assert.Contains("補正を受け付けました", await plain.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync(statusUrl);
        Assert.Contains("補正済み", await page.InnerTextAsync("ol.status-steps"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/correct/{token}");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task<(string Token, string StatusUrl)> AskForCorrectionAsync(MadoguchiApp app)
    {
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var receipt = created["receiptNumber"]!.GetValue<string>();
        var statusUrl = new Uri(created["statusUrl"]!.GetValue<string>()).AbsolutePath;

        var signIn = await Html.ParseAsync(await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        using (var signedIn = await Html.SubmitAsync(client, signIn, "#sign-in-form", new Dictionary<string, string> { ["Email"] = "shimin@musashino.example", ["Password"] = DemoSeeder.DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        string? id = null;
        for (var i = 0; i < 100 && id is null; i++)
        {
            var inbox = await client.GetFromJsonAsync<JsonObject>("/api/v1/cases", Ct);
            id = inbox!["items"]!.AsArray().FirstOrDefault(c => c!["receiptNumber"]!.GetValue<string>() == receipt)?["id"]!.GetValue<string>();
            if (id is null)
            {
                await Task.Delay(200, Ct);
            }
        }

        Assert.NotNull(id);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "accept" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "request-correction", fields = Copies, message = "通数をご確認ください " + receipt }, Ct)).StatusCode);
        var mail = await app.WaitForMailAsync("通数をご確認ください " + receipt, Ct);
        return (Link().Match(mail).Groups[1].Value, statusUrl);
    }

    [GeneratedRegex(@"/correct/([A-Za-z0-9_\-]{20,100})")]
    private static partial Regex Link();
}
