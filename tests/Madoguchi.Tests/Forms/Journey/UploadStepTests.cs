using System.Net;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.Tests.Forms.Journey;

/// <summary>
/// A step with a required file: choosing the file and pressing 次へ once is enough. (It used to say "the file
/// could not be found, choose it again" the first time, because the step was checked before the new upload
/// was saved; found by the issue-4 browser journey.)
/// </summary>
public sealed class UploadStepTests
{
    private const string Definition = """
    { "steps": [
        { "id": "identity", "title": { "ja": "本人確認" }, "fields": [
            { "id": "identityDocument", "type": "file", "label": { "ja": "本人確認書類の写し" }, "required": true, "accept": ["application/pdf"] } ] },
        { "id": "contact", "title": { "ja": "連絡先" }, "fields": [
            { "id": "email", "type": "email", "label": { "ja": "メールアドレス" }, "required": true } ] } ] }
    """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChoosingTheFile_AndContinuingOnce_GoesToTheNextStep_WithTheFileAttached()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app, Definition);
        using var client = app.CreateBrowserLikeClient();
        var page = await JourneyTests.StartAsync(client);
        Assert.Equal("本人確認", page.QuerySelector("h1")?.TextContent.Trim());

        var pdf = "%PDF-1.4\n% 運転免許証の写し\n%%EOF\n"u8.ToArray();
        var (response, next) = await JourneyTests.FollowAsync(client, await Html.SubmitAsync(client, page, "main form[method=post]", new Dictionary<string, string>(),
            files: new Dictionary<string, (string, string, byte[])> { ["identityDocument"] = ("免許証.pdf", "application/pdf", pdf) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(next.QuerySelector(".error-summary"));
        Assert.Equal("連絡先", next.QuerySelector("h1")?.TextContent.Trim());

        // Back on the file step, the file is shown as attached.
        var back = await Html.ParseAsync(await client.GetAsync(new Uri($"/apply/{TestForms.Slug}/identity", UriKind.Relative), Ct));
        Assert.Contains("免許証.pdf", back.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }
}
