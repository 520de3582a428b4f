using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// The booking rush (issue 5's performance section, issue 8's scenario list): like the 2021 vaccine bookings,
/// <see cref="Clients"/> citizens at once compete for <see cref="Places"/> places of the demo 市民健診 (health
/// check-up) resource. Each client books a random slot it has not yet seen full, and on 409 (full) tries another,
/// until every place is gone or the time is up. Reports bookings per second until sold out, latency of every
/// answer and of the successful ones, how the app shed load (409 full, 429/503 with Retry-After), and then checks
/// in PostgreSQL that no slot was oversold and that every 201 the clients received is one reservation.
/// </summary>
public sealed class BookingRushScenario : IScenario
{
    public const string ScenarioName = "booking-rush";
    public const string ResourceSlug = "health-checkup";
    public const int Clients = 500;
    public const int Places = 2000;

    public string Name => ScenarioName;

    public string Description => $"{Clients} simultaneous clients booking {Places} places (POST /api/v1/bookings); oversold must be 0";

    public IReadOnlyList<string> Needs => [ScenarioCatalog.Empty];

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var setupClient = context.App.CreateClient(TimeSpan.FromSeconds(30));
        var (resourceId, slots, reason) = await FindSlotsAsync(setupClient, context.Options.Quick ? 200 : Places, cancellationToken);
        if (reason is not null)
        {
            return [ScenarioResult.NotAvailable(Name, Baselines.EmptyEndpoint, reason)];
        }

        var places = slots.Sum(s => s.Remaining);
        var clients = context.Options.Quick ? 50 : Clients;
        var limit = TimeSpan.FromSeconds(Math.Max(30, context.Options.Duration.TotalSeconds * 3));
        BenchContext.Log($"{Name}: {clients} clients for {places} places in {slots.Count} slots of {ResourceSlug}, at most {limit.TotalSeconds:0} s");

        var open = new HashSet<string>(slots.Select(s => s.Start), StringComparer.Ordinal);
        var openLock = new Lock();
        var recorder = new LoadRecorder();
        var booked = 0L;
        var retryAfterMissing = 0L;
        using var client = context.CreateLoadClient(clients);
        var start = Stopwatch.GetTimestamp();
        long soldOutAt = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limit);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var retryDelay = TimeSpan.Zero;
            while (!stop.IsCancellationRequested)
            {
                string? slot;
                lock (openLock)
                {
                    slot = open.Count == 0 ? null : open.ElementAt(random.Next(open.Count));
                }

                if (slot is null)
                {
                    Interlocked.CompareExchange(ref soldOutAt, Stopwatch.GetTimestamp(), 0);
                    return;
                }

                var sent = Stopwatch.GetTimestamp();
                string answer;
                Outcome outcome;
                try
                {
                    using var request = BookingRequest(context, resourceId!, slot);
                    // Not cancelled at the time limit: a request in flight finishes, so that every 201 the app
                    // sent is counted (stopping mid-request would leave a booking stored but not acknowledged).
                    using var response = await client.SendAsync(request, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.Created:
                            outcome = Outcome.Success;
                            Interlocked.Increment(ref booked);
                            break;
                        case HttpStatusCode.Conflict:
                            // Full (or no longer bookable): the client tries another slot, like a person would.
                            outcome = Outcome.Rejected;
                            lock (openLock)
                            {
                                open.Remove(slot);
                            }

                            break;
                        case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                            outcome = Outcome.Rejected;
                            if (response.Headers.RetryAfter is null)
                            {
                                Interlocked.Increment(ref retryAfterMissing);
                            }

                            // A well-behaved client (our own booking page's advice) waits as told, with jitter so
                            // that the rejected do not all come back in the same millisecond.
                            retryDelay = RetryDelay(response.Headers.RetryAfter, random);
                            break;
                        default:
                            outcome = Outcome.Error;
                            break;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    answer = "timeout/connection";
                    outcome = Outcome.Error;
                }

                recorder.Record(answer, outcome, sent, Stopwatch.GetTimestamp());
                if (retryDelay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(retryDelay, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    retryDelay = TimeSpan.Zero;
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var end = soldOutAt != 0 ? soldOutAt : Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        var phase = recorder.Complete($"{clients} clients until sold out", 0, elapsed, 0);

        // The proof: what PostgreSQL holds, against what the clients were told.
        var oversoldSlots = long.Parse((await context.Postgres.PsqlAsync(context.AppDatabase,
            $"""SELECT count(*) FROM bookings_slots s WHERE "Taken" > "Capacity" OR (SELECT count(*) FROM bookings_reservations r WHERE r."SlotId" = s."Id" AND r."Status" IN (0, 2, 3)) > s."Capacity";""",
            cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        var stored = long.Parse((await context.Postgres.PsqlAsync(context.AppDatabase,
            $"""SELECT count(*) FROM bookings_reservations r JOIN bookings_resources res ON res."Id" = r."ResourceId" WHERE res."Slug" = '{ResourceSlug}' AND r."Status" = 0;""",
            cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        long Count(string status) => phase.Answers.GetValueOrDefault(status);
        BenchContext.Log($"{Name}: {booked} booked in {elapsed:0.0} s ({booked / Math.Max(elapsed, 0.001):0.#}/s), p99 {phase.All.P99Ms:0.0} ms, 409: {Count("409")}, 429: {Count("429")}, 503: {Count("503")}, errors: {phase.Errors}; stored {stored}, oversold slots {oversoldSlots}");
        return
        [
            new ScenarioResult
            {
                Name = Name,
                BaselineName = Baselines.EmptyEndpoint,
                ThroughputPerSecond = phase.Successes / Math.Max(elapsed, 0.001),
                Latency = phase.All,
                Errors = phase.Errors,
                Detail = new Dictionary<string, object?>
                {
                    ["description"] = Description,
                    ["request"] = "POST /api/v1/bookings",
                    ["resource"] = ResourceSlug,
                    ["clients"] = clients,
                    ["places"] = places,
                    ["slots"] = slots.Count,
                    ["booked"] = booked,
                    ["soldOut"] = soldOutAt != 0,
                    ["secondsUntilSoldOut"] = Math.Round(elapsed, 2),
                    ["requests"] = phase.Requests,
                    ["full409"] = Count("409"),
                    ["rejected429"] = Count("429"),
                    ["rejected503"] = Count("503"),
                    ["refusalsWithoutRetryAfter"] = retryAfterMissing,
                    ["bookedP50Ms"] = HttpScenario.Round(phase.Admitted.P50Ms),
                    ["bookedP99Ms"] = HttpScenario.Round(phase.Admitted.P99Ms),
                    ["refusedP99Ms"] = HttpScenario.Round(phase.RejectedLatency.P99Ms),
                    ["answers"] = phase.Answers,
                    ["storedReservations"] = stored,
                    ["acknowledgedEqualsStored"] = stored == booked,
                    ["oversoldSlots"] = oversoldSlots,
                    ["note"] = "p50/p95/p99 are of every answer (201, 409, 429/503) as the clients saw them; booked* are the 201s only; throughput is 201s per second until sold out",
                },
            },
        ];
    }

    /// <summary>Retry-After (delta or date), at most 5 s, spread by ±50 %; 1 s when the header is missing.</summary>
    private static TimeSpan RetryDelay(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, Random random)
    {
        var advised = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        var bounded = TimeSpan.FromMilliseconds(Math.Clamp(advised.TotalMilliseconds, 100, 5000));
        return bounded * (0.5 + random.NextDouble());
    }

    private static HttpRequestMessage BookingRequest(BenchContext context, string resourceId, string start)
    {
        var n = context.NextSequence();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            resourceId,
            start,
            name = $"ベンチ 太郎{n}",
            email = $"rush-{context.RunId}-{n}@bench.example",
            category = "resident",
            answers = new Dictionary<string, string>(),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", context.NextIdempotencyKey());
        return request;
    }

    private sealed record OpenSlot(string Start, int Remaining);

    /// <summary>The resource's first open slots from the day after tomorrow until <paramref name="places"/> places are covered.</summary>
    private static async Task<(string? ResourceId, List<OpenSlot> Slots, string? Reason)> FindSlotsAsync(HttpClient client, int places, CancellationToken cancellationToken)
    {
        using var resourcesResponse = await client.GetAsync(new Uri("/api/v1/resources?kind=counter", UriKind.Relative), cancellationToken);
        if (resourcesResponse.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, [], "GET /api/v1/resources answers 404 (bookings not in this build)");
        }

        var resources = await resourcesResponse.Content.ReadFromJsonAsync<JsonArray>(cancellationToken);
        var resource = resources?.FirstOrDefault(r => r?["slug"]?.GetValue<string>() == ResourceSlug);
        if (resource is null)
        {
            return (null, [], $"the demo resource {ResourceSlug} is missing");
        }

        var id = resource["id"]!.ToString();
        var slots = new List<OpenSlot>();
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        for (var week = 0; week < 8 && slots.Sum(s => s.Remaining) < places; week++)
        {
            var to = from.AddDays(6);
            var json = await client.GetFromJsonAsync<JsonArray>($"/api/v1/resources/{id}/availability?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken);
            foreach (var slot in json ?? [])
            {
                var remaining = slot!["remaining"]!.GetValue<int>();
                if (remaining > 0 && slots.Sum(s => s.Remaining) < places)
                {
                    var start = slot["start"]!.GetValue<string>();
                    slots.Add(new OpenSlot(start, Math.Min(remaining, places - slots.Sum(s => s.Remaining))));
                }
            }

            from = to.AddDays(1);
        }

        return slots.Sum(s => s.Remaining) < places
            ? (null, [], $"only {slots.Sum(s => s.Remaining)} open places found for {ResourceSlug}")
            : (id, slots, null);
    }
}
