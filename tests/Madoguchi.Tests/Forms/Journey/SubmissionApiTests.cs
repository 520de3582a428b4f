using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Outbox;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Forms.Journey;

/// <summary>POST /api/v1/procedures/{slug}/submissions and the status URL, over HTTP, as a client app would use them.</summary>
public sealed partial class SubmissionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Body(string answers) => new($"{{ \"answers\": {answers} }}", Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(string key, string answers, string slug = TestForms.Slug, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{slug}/submissions") { Content = Body(answers) };
        request.Headers.Add("Idempotency-Key", key);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    [Fact]
    public async Task ValidAnswers_GetAReceiptNumberAStatusUrlACaseEventAndAReceiptEmail()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Post(Guid.NewGuid().ToString(), TestForms.ValidAnswers()), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var receipt = created!["receiptNumber"]!.GetValue<string>();
        Assert.Matches(ReceiptPattern(), receipt);
        Assert.Equal("Received", created["status"]!.GetValue<string>());
        var statusUrl = new Uri(created["statusUrl"]!.GetValue<string>());
        Assert.Equal(statusUrl, response.Headers.Location);

        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, statusUrl.PathAndQuery);
        statusRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var status = await client.SendAsync(statusRequest, Ct);
        var json = await status.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(receipt, json!["receiptNumber"]!.GetValue<string>());
        Assert.Equal(600m, json["fee"]!.GetValue<decimal>());

        var html = await client.GetStringAsync(statusUrl.PathAndQuery, Ct);
        Assert.Contains(receipt, html, StringComparison.Ordinal);
        Assert.Contains("武蔵野 花子", html, StringComparison.Ordinal);

        var messages = await app.InOrganizationAsync("MSN", (db, _) => db.OutboxMessages.Select(m => new { m.Type, m.Payload }).ToListAsync());
        Assert.Single(messages, m => m.Type == SubmissionReceived.Type && m.Payload.Contains(receipt, StringComparison.Ordinal));
        Assert.Single(messages, m => m.Type == "email" && m.Payload.Contains(receipt, StringComparison.Ordinal) && m.Payload.Contains("taro@example.jp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_WithTheSameKeyAndBody_ReturnsTheSameReceipt_AndCreatesNothing()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Post(key, TestForms.ValidAnswers()), Ct);
        var outboxAfterFirst = await OutboxCountAsync(app);
        var funnelAfterFirst = await FunnelCountAsync(app);
        using var second = await client.SendAsync(Post(key, TestForms.ValidAnswers()), Ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountAsync(app));
        // The retry is refused by the key's unique index after the work is done (ADR 0010 addendum): nothing it queued survives.
        Assert.Equal(outboxAfterFirst, await OutboxCountAsync(app));
        Assert.Equal(funnelAfterFirst, await FunnelCountAsync(app));
    }

    private static Task<int> OutboxCountAsync(MadoguchiApp app) => app.InOrganizationAsync("MSN", (db, _) => db.OutboxMessages.CountAsync(Ct));

    private static Task<int> FunnelCountAsync(MadoguchiApp app) => app.InOrganizationAsync("MSN", (db, _) => db.Set<Madoguchi.Forms.Funnel.FunnelEvent>().CountAsync(Ct));

    [Fact]
    public async Task SameKey_WithAnotherBody_IsRefused()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Post(key, TestForms.ValidAnswers()), Ct);
        using var second = await client.SendAsync(Post(key, TestForms.ValidAnswers(family: "吉祥寺")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(app));
    }

    [Fact]
    public async Task ConcurrentRetries_OfOneSubmission_CreateExactlyOne()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Post(key, TestForms.ValidAnswers()), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>(Ct))!["receiptNumber"]!.GetValue<string>()));
        Assert.Single(receipts.Distinct());
        Assert.Equal(1, await CountAsync(app));
    }

    [Fact]
    public async Task InvalidAnswers_Get422WithFieldErrors_InJapanese_OrEnglishWhenAsked()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        var answers = JsonNode.Parse(TestForms.ValidAnswers())!.AsObject();
        answers["applicantName"]!["familyKana"] = "むさしの123";
        answers["copies"] = 99;
        answers["purpose"] = "other"; // purposeOther is now required
        answers["members"]![0]!["relation"] = "cousin";
        answers["unknownField"] = "x";
        answers["dateOfBirth"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var ja = await client.SendAsync(Post(Guid.NewGuid().ToString(), answers.ToJsonString()), Ct);
        using var en = await client.SendAsync(Post(Guid.NewGuid().ToString(), answers.ToJsonString(), language: "en"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ja.StatusCode);
        Assert.Equal("application/problem+json", ja.Content.Headers.ContentType?.MediaType);
        var errors = (await ja.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        foreach (var path in new[] { "applicantName.familyKana", "copies", "purposeOther", "members[0].relation", "unknownField", "dateOfBirth" })
        {
            Assert.True(errors.ContainsKey(path), $"No error for {path}: {errors.ToJsonString()}");
        }

        Assert.Contains("カタカナ", errors["applicantName.familyKana"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var enErrors = (await en.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Contains("katakana", enErrors["applicantName.familyKana"]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await CountAsync(app));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public async Task MissingOrWeakIdempotencyKey_IsA400ThatSaysWhatToSend(string key)
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions") { Content = Body(TestForms.ValidAnswers()) };
        if (key.Length > 0)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"answers\": [1, 2] }")]
    [InlineData("{ \"answers\": { \"applicantName\": \"\\u0000\\ud800\", \"copies\": { \"a\": [[[[[]]]]] }, \"members\": \"x\" } }")]
    public async Task MalformedBodies_GetAClearErrorNeverA500(string body)
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await client.SendAsync(request, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReceiptNumbers_AreDistinct_AndReadable()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();

        var receipts = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await client.SendAsync(Post(Guid.NewGuid().ToString(), TestForms.ValidAnswers()), Ct);
            receipts.Add((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["receiptNumber"]!.GetValue<string>());
        }

        Assert.Equal(25, receipts.Distinct().Count());
        Assert.All(receipts, r => Assert.Matches(ReceiptPattern(), r));
        Assert.Equal(receipts.OrderBy(r => r, StringComparer.Ordinal), receipts);
    }

    [Fact]
    public async Task Schema_IsJsonSchema2020_12_WithServerRules()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/v1/procedures/{TestForms.Slug}/schema", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.True(schema["properties"]!.AsObject().ContainsKey("applicantName"));
        Assert.Contains(schema["x-server-rules"]!.AsArray(), r => r!["field"]!.GetValue<string>() == "dateOfBirth");
    }

    /// <summary>The benchmark posts these answers; if the demo form changes, this fails before the benchmark does.</summary>
    [Fact]
    public async Task BenchFixtureAnswers_AreAcceptedByTheDemoForm()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "bench", "forms", "juminhyo-copy.json"), Ct))!;

        using var response = await client.SendAsync(Post(Guid.NewGuid().ToString(), fixture["answers"]!.ToJsonString()), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task UnknownStatusToken_Is404()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/status/" + new string('A', 43), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<int> CountAsync(MadoguchiApp app) => app.InOrganizationAsync("MSN", (db, _) => db.Set<Submission>().CountAsync(Ct));

    [GeneratedRegex(@"^MSN-20\d\d-\d{6}$")]
    private static partial Regex ReceiptPattern();
}
