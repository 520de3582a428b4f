using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.IntegrationTests.Support;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Npgsql;

namespace Madoguchi.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue 8, item 3), short form for CI: the real app as an OS process on PostgreSQL takes
/// citizens' submissions and bookings from 12 concurrent clients, and is killed with SIGKILL in the middle of
/// it. Clients whose request was cut off retry it with the same Idempotency-Key once the app is back, as our
/// API documentation tells them to. Then: every request that got a success answer is stored exactly once,
/// every retried one too, no slot is oversold, each submission opened exactly one case, every outbox
/// message was delivered, and the audit chain verifies. The counts are printed beside each other.
/// </summary>
public sealed class KillDuringLoadTests
{
    private const string DemoKey = "mdg_fault_test_demo_key_0123456789abcdefghij";
    private const int Clients = 12;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private sealed record Attempt(string Kind, string Key, byte[] Body)
    {
        public string? Acknowledged { get; set; }
        public bool CutOff { get; set; }
    }

    [Fact]
    public async Task SigkillDuringSubmissionsAndBookings_EveryAcknowledgedRequestStoredOnce_NothingOversold_OutboxDelivered_AuditIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.PostgresAsync();
        var mail = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "fault-mail-" + Guid.NewGuid().ToString("N"));
        var answers = (JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "bench", "forms", "juminhyo-copy.json"), ct))!["answers"]!).ToJsonString();
        var attempts = new ConcurrentBag<Attempt>();
        try
        {
            await using (var first = await AppProcess.StartAsync(Environment(database.ConnectionString, mail), StartTimeout, ct))
            {
                var (resourceId, slots) = await OpenSlotsAsync(first, ct);
                using var client = first.CreateClient();
                var sequence = 0;
                var run = Guid.NewGuid().ToString("N")[..8]; // Idempotency-Keys are 16–200 characters
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var workers = Enumerable.Range(0, Clients).Select(worker => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var n = Interlocked.Increment(ref sequence);
                        var attempt = worker % 2 == 0
                            ? new Attempt("submission", $"fault-submission-{run}-{n:D6}", Encoding.UTF8.GetBytes($$"""{"answers":{{answers}}}"""))
                            : new Attempt("booking", $"fault-booking-{run}-{n:D6}", BookingBody(resourceId, slots[n % slots.Count], n));
                        attempts.Add(attempt);
                        try
                        {
                            using var response = await client.SendAsync(Request(attempt), CancellationToken.None);
                            attempt.Acknowledged = await AcknowledgementAsync(attempt, response, ct);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            attempt.CutOff = true; // no answer: the client cannot know whether it was stored
                            return;
                        }
                    }
                }, CancellationToken.None)).ToList();

                // Let the load build up (some successes, more in flight), then pull the plug.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (attempts.Count(a => a.Acknowledged is not null) < 40 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20, ct);
                }

                await first.KillAsync();
                stop.Cancel();
                await Task.WhenAll(workers);
            }

            var acknowledgedBeforeKill = attempts.Count(a => a.Acknowledged is not null);
            var cutOff = attempts.Where(a => a.CutOff).ToList();
            Assert.True(acknowledgedBeforeKill >= 40, $"only {acknowledgedBeforeKill} requests succeeded before the kill");
            Assert.NotEmpty(cutOff);

            // Back up: the cut-off clients retry with the same key and body.
            await using var second = await AppProcess.StartAsync(Environment(database.ConnectionString, mail), StartTimeout, ct);
            using (var client = second.CreateClient())
            {
                foreach (var attempt in cutOff)
                {
                    using var response = await client.SendAsync(Request(attempt), ct);
                    attempt.Acknowledged = await AcknowledgementAsync(attempt, response, ct);
                    Assert.True(attempt.Acknowledged is not null, $"the retry of {attempt.Key} answered {(int)response.StatusCode}");
                }
            }

            var submissions = attempts.Where(a => a.Kind == "submission" && a.Acknowledged is not null).Select(a => a.Acknowledged!).ToList();
            var bookings = attempts.Where(a => a.Kind == "booking" && a.Acknowledged is not null && a.Acknowledged != "full").Select(a => a.Acknowledged!).ToList();
            await using var sql = new NpgsqlConnection(database.ConnectionString);
            await sql.OpenAsync(ct);
            var storedSubmissions = await ScalarAsync(sql, """SELECT count(*) FROM forms_submissions""", ct);
            var storedMatching = await ScalarAsync(sql, """SELECT count(*) FROM forms_submissions WHERE "ReceiptNumber" = ANY(@p)""", ct, submissions.ToArray());
            var storedBookings = await ScalarAsync(sql, """SELECT count(*) FROM bookings_reservations WHERE "Status" = 0""", ct);
            var storedBookingsMatching = await ScalarAsync(sql, """SELECT count(*) FROM bookings_reservations WHERE "Reference" = ANY(@p)""", ct, bookings.ToArray());
            var oversold = await ScalarAsync(sql, """
                SELECT count(*) FROM bookings_slots s
                WHERE s."Taken" > s."Capacity"
                   OR (SELECT count(*) FROM bookings_reservations r WHERE r."SlotId" = s."Id" AND r."Status" IN (0, 2, 3)) > s."Capacity"
                """, ct);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"acknowledged before the kill: {acknowledgedBeforeKill}; cut off and retried: {cutOff.Count}; " +
                $"submissions acknowledged {submissions.Count} / stored {storedSubmissions} (matching {storedMatching}); " +
                $"bookings acknowledged {bookings.Count} / stored {storedBookings} (matching {storedBookingsMatching}); oversold slots {oversold}");

            Assert.Equal(submissions.Count, submissions.Distinct().Count());
            Assert.Equal(submissions.Count, storedSubmissions);
            Assert.Equal(submissions.Count, storedMatching);
            Assert.Equal(bookings.Count, bookings.Distinct().Count());
            Assert.Equal(bookings.Count, storedBookings);
            Assert.Equal(bookings.Count, storedBookingsMatching);
            Assert.Equal(0, oversold);

            // Every outbox message (case intake, receipt and booking emails) delivered at least once, each submission one case.
            var drained = DateTime.UtcNow.AddSeconds(90);
            long undelivered;
            while ((undelivered = await ScalarAsync(sql, """SELECT count(*) FROM platform_outbox_messages WHERE "Status" <> 1""", ct)) > 0 && DateTime.UtcNow < drained)
            {
                await Task.Delay(250, ct);
            }

            Assert.Equal(0, undelivered);
            Assert.Equal(storedSubmissions, await ScalarAsync(sql, """SELECT count(DISTINCT "SubmissionId") FROM cases_cases""", ct));
            Assert.Equal(storedSubmissions, await ScalarAsync(sql, """SELECT count(*) FROM cases_cases""", ct));

            await using var db = Db.Open(database.ConnectionString);
            var verification = await AuditVerifier.VerifyAsync(db, DemoSeeder.OrganizationId, ct);
            Assert.True(verification.IsIntact, verification.Problem);
        }
        finally
        {
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Environment(string connectionString, string mail) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Madoguchi"] = connectionString,
        ["Seed__Demo"] = "true",
        ["Demo__ApiKey"] = DemoKey,
        ["Email__PickupDirectory"] = mail,
        ["Outbox__PollIntervalSeconds"] = "0.2",
        ["Outbox__BaseDelaySeconds"] = "0.2",
        // A message claimed by the killed process is free again after this (the default is two minutes).
        ["Outbox__LockSeconds"] = "3",
        ["RateLimits__PublicApiPerMinute"] = "100000",
        ["RateLimits__PublicPostsPerMinute"] = "100000",
        ["Admission__PublicWriteConcurrency"] = "10000",
        ["Admission__PublicWriteQueue"] = "10000",
    };

    private static HttpRequestMessage Request(Attempt attempt)
    {
        var path = attempt.Kind == "submission" ? "/api/v1/procedures/juminhyo-copy/submissions" : "/api/v1/bookings";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(attempt.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", attempt.Key);
        return request;
    }

    /// <summary>The receipt number or booking reference of a success; "full" for a booking refused because the slot is full.</summary>
    private static async Task<string?> AcknowledgementAsync(Attempt attempt, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.Conflict && attempt.Kind == "booking")
        {
            return "full";
        }

        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"{attempt.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        var json = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return attempt.Kind == "submission" ? json!["receiptNumber"]!.GetValue<string>() : json!["reference"]!.GetValue<string>();
    }

    private static byte[] BookingBody(string resourceId, string start, int n) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["resourceId"] = resourceId,
        ["start"] = start,
        ["name"] = $"障害 太郎{n}",
        ["email"] = $"fault-{n}@example.jp",
        ["category"] = "resident",
        ["answers"] = new JsonObject(),
    }.ToJsonString());

    /// <summary>The demo 市民健診 resource's open slots (a few, so that some fill up during the load).</summary>
    private static async Task<(string ResourceId, List<string> Slots)> OpenSlotsAsync(AppProcess app, CancellationToken ct)
    {
        using var client = app.CreateClient();
        var resources = await client.GetFromJsonAsync<JsonArray>("/api/v1/resources?kind=counter", ct);
        var id = resources!.First(r => r!["slug"]!.GetValue<string>() == "health-checkup")!["id"]!.ToString();
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        var slots = new List<string>();
        for (var week = 0; week < 4 && slots.Count < 6; week++, from = from.AddDays(7))
        {
            var json = await client.GetFromJsonAsync<JsonArray>($"/api/v1/resources/{id}/availability?from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}", ct);
            slots.AddRange((json ?? []).Where(s => s!["remaining"]!.GetValue<int>() > 0).Select(s => s!["start"]!.GetValue<string>()).Take(6 - slots.Count));
        }

        Assert.NotEmpty(slots);
        return (id, slots);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, string[]? values = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (values is not null)
        {
            command.Parameters.AddWithValue("p", values);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
