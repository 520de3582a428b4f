using System.Net.Http.Json;
using System.Text.Json;

namespace Madoguchi.Tests.ApiKeys;

/// <summary>Small helpers for reading the API's JSON in tests.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Asserts an RFC 9457 problem with the given status and a bilingual title.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var title = problem.GetProperty("title").GetString()!;
        Assert.Contains(" / ", title, StringComparison.Ordinal); // Japanese / English
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
