using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Madoguchi.Bench.Scenarios;

/// <summary>Every scenario, in the order they run. Add new ones here (see <see cref="IScenario"/>).</summary>
public static class ScenarioCatalog
{
    public const string Empty = "empty";
    public const string ProcedurePage = "procedure-page";
    public const string ProcedureApi = "procedure-api";
    public const string FormStep = "form-step";
    public const string Submissions = "submissions";
    public const string SubmissionsEndToEnd = "submissions-end-to-end";
    public const string Overload = "overload";

    private static readonly string[] ReceiptMembers = ["receiptNumber", "status", "statusUrl"];

    /// <summary>The procedure whose public page is rendered.</summary>
    public const string PageSlug = "juminhyo-copy";

    public static IReadOnlyList<IScenario> All { get; } =
    [
        new HttpScenario
        {
            Name = Empty,
            Description = "HTTP baseline: GET /bench/empty (204) through the app's whole middleware pipeline (Bench:Enabled=true)",
            Needs = [],
            Target = _ => "GET /bench/empty",
            Request = _ => new HttpRequestMessage(HttpMethod.Get, "/bench/empty"),
            Expected = HttpStatusCode.NoContent,
        },
        new PgBenchInsertScenario(),
        new HttpScenario
        {
            Name = ProcedureApi,
            Description = "JSON: the procedure list of the demo city",
            Target = _ => "GET /api/v1/procedures",
            Request = _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/procedures"),
        },
        new HttpScenario
        {
            Name = ProcedurePage,
            Description = "HTML: a procedure's public page rendered by Razor",
            Target = _ => $"GET /procedures/{PageSlug}",
            Request = _ => Html($"/procedures/{PageSlug}"),
        },
        new HttpScenario
        {
            Name = FormStep,
            Description = "HTML: a step page of the bench form (citizen journey)",
            Target = c => $"GET {c.Form.StepPath} (with a started draft's cookies)",
            Request = c => WithDraft(Html(c.Form.StepPath)),
            SetupAsync = FormStepSession.StartAsync,
        },
        new HttpScenario
        {
            Name = Submissions,
            Description = "durable JSON submission with a unique Idempotency-Key (201 with a receipt)",
            BaselineName = Baselines.PgBenchInsert,
            Needs = [Baselines.PgBenchInsert],
            Target = c => $"POST {c.Form.SubmissionsPath}",
            Request = Submission,
            Expected = HttpStatusCode.Created,
            UnavailableOn = [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.UnprocessableEntity],
            // The goal: p99 < 100 ms at half the pgbench rate (issue 3); without a pgbench figure, like the other scenarios.
            LatencyRate = (c, capacity) => c.Options.Rate
                ?? (c.Measured(Baselines.PgBenchInsert)?.ThroughputPerSecond is > 0 and { } pgbench ? 0.5 * pgbench : c.Options.LoadFactor * capacity),
            CheckBody = CheckReceipt,
            AlsoAtSustainableRate = true,
        },
        new EndToEndScenario(),
        new OverloadScenario(),
        InboxScenarios.FirstPageScenario(),
        InboxScenarios.SearchScenario(),
        new BookingRushScenario(),
    ];

    public static IScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// The scenarios to run for <paramref name="selected"/> (empty = all), with what they need, in catalog order.
    /// </summary>
    public static IReadOnlyList<IScenario> Resolve(IReadOnlyList<string> selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        if (selected.Count == 0)
        {
            return All;
        }

        var unknown = selected.Where(s => Find(s) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", All.Select(s => s.Name))}.");
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(selected);
        while (queue.TryDequeue(out var name))
        {
            if (wanted.Add(name))
            {
                foreach (var need in Find(name)!.Needs)
                {
                    queue.Enqueue(need);
                }
            }
        }

        return [.. All.Where(s => wanted.Contains(s.Name))];
    }

    private static HttpRequestMessage Html(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));
        return request;
    }

    private static HttpRequestMessage WithDraft(HttpRequestMessage request)
    {
        if (FormStepSession.CookieHeader is { } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return request;
    }

    private static HttpRequestMessage Submission(BenchContext context)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.Form.SubmissionsPath)
        {
            Content = new ByteArrayContent(context.SubmissionBody),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", context.NextIdempotencyKey());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (context.Form.Authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Infrastructure.AppUnderTest.DemoApiKey);
        }

        return request;
    }

    /// <summary>The contract: 201 with { receiptNumber, status, statusUrl }.</summary>
    private static string? CheckReceipt(string body)
    {
        try
        {
            var json = JsonNode.Parse(body) as JsonObject;
            var missing = ReceiptMembers.Where(k => json?[k] is null).ToList();
            return missing.Count == 0 ? null : $"the 201 answer lacks {string.Join(", ", missing)}: {body}";
        }
        catch (System.Text.Json.JsonException)
        {
            return $"the 201 answer is not JSON: {body}";
        }
    }
}

/// <summary>A scenario the issue asks for whose module is not built yet: reported as unavailable, with what to do.</summary>
public sealed class PlannedScenario(string name, string description, string reason) : IScenario
{
    public string Name => name;

    public string Description => description;

    public IReadOnlyList<string> Needs => [];

    public Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScenarioResult>>([ScenarioResult.NotAvailable(name, Baselines.EmptyEndpoint, "not built yet: " + reason)]);
}
