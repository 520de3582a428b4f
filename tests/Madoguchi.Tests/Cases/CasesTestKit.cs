using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.Tests.Cases;

/// <summary>Submits applications over the public API and drives the cases API as staff would.</summary>
internal static class CasesTestKit
{
    public const string Shimin = "shimin@musashino.example";
    public const string ShiminKacho = "shimin-kacho@musashino.example";
    public const string Kodomo = "kodomo@musashino.example";
    public const string ItPolicy = "itpolicy@musashino.example";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Submits the test form for 住民票の写し; returns the receipt number.</summary>
    public static async Task<string> SubmitAsync(MadoguchiApp app, string? answers = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {answers ?? TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["receiptNumber"]!.GetValue<string>();
    }

    /// <summary>Waits (the outbox delivers within a second or two) until the case of <paramref name="receipt"/> is in the client's inbox.</summary>
    public static async Task<JsonObject> WaitForCaseAsync(HttpClient client, string receipt)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/cases", Ct);
            var found = page!["items"]!.AsArray().FirstOrDefault(i => i!["receiptNumber"]!.GetValue<string>() == receipt);
            if (found is not null)
            {
                return found.AsObject();
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException($"No case for {receipt} in the inbox.");
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, string caseId, string action, string? comment = null, int? version = null, string? deputyFor = null, string? to = null) =>
        await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions", new { action, comment, version, deputyFor, to }, Ct);

    public static async Task<JsonObject> DetailAsync(HttpClient client, string caseId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}", Ct))!;

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
}
