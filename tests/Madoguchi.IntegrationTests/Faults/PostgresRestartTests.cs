using System.Collections.Concurrent;
using System.Diagnostics;
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
/// Fault injection (issue 8, item 3): PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>) in the middle of a
/// submission load and comes back three seconds later. During the outage the app must answer with an error
/// (never a success it did not store) within its timeouts, and recover by itself; clients retry with the same
/// Idempotency-Key until they get an answer. Afterwards every acknowledged submission is stored exactly once,
/// every outbox message is delivered, each submission has one case, and the audit chain verifies.
/// </summary>
public sealed class PostgresRestartTests
{
    private const int Clients = 8;
    private const int Wanted = 60;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PostgresCrashesDuringSubmissions_AppAnswersErrorsThenRecovers_EveryAcknowledgedSubmissionStoredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await OwnPostgres.StartAsync(ct);
        var connectionString = cluster.ConnectionString("madoguchi");
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE DATABASE madoguchi", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        var mail = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "pg-restart-mail-" + Guid.NewGuid().ToString("N"));
        var answers = (JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "bench", "forms", "juminhyo-copy.json"), ct))!["answers"]!).ToJsonString();
        var body = Encoding.UTF8.GetBytes($$"""{"answers":{{answers}}}""");
        var acknowledged = new ConcurrentDictionary<string, string>(); // key → receipt number
        var outageAnswers = new ConcurrentBag<string>();
        var slowestOutageAnswer = TimeSpan.Zero;
        var outage = 0; // 1 while the database is down
        try
        {
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Madoguchi"] = connectionString,
                ["Seed__Demo"] = "true",
                ["Email__PickupDirectory"] = mail,
                ["Outbox__PollIntervalSeconds"] = "0.2",
                ["Outbox__BaseDelaySeconds"] = "0.2",
                // A message claimed when the database went away is free again after this (the default is two minutes).
                ["Outbox__LockSeconds"] = "3",
                ["RateLimits__PublicApiPerMinute"] = "100000",
                ["RateLimits__PublicPostsPerMinute"] = "100000",
                ["Admission__PublicWriteConcurrency"] = "10000",
                ["Admission__PublicWriteQueue"] = "10000",
            }, StartTimeout, ct);
            using var client = app.CreateClient();
            var next = 0;
            var run = Guid.NewGuid().ToString("N")[..8];
            var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (acknowledged.Count < Wanted)
                {
                    var key = $"pg-restart-{run}-{Interlocked.Increment(ref next):D6}"; // 16–200 characters
                    var deadline = DateTime.UtcNow.AddMinutes(2);
                    while (!acknowledged.ContainsKey(key))
                    {
                        Assert.True(DateTime.UtcNow < deadline, $"{key} got no success within two minutes");
                        var started = Stopwatch.GetTimestamp();
                        var during = Volatile.Read(ref outage) == 1;
                        try
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/procedures/juminhyo-copy/submissions") { Content = new ByteArrayContent(body) };
                            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                            request.Headers.Add("Idempotency-Key", key);
                            using var response = await client.SendAsync(request, ct);
                            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                            {
                                var json = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
                                acknowledged[key] = json!["receiptNumber"]!.GetValue<string>();
                            }
                            else
                            {
                                Assert.True((int)response.StatusCode >= 500, $"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                                if (during)
                                {
                                    outageAnswers.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                                    var took = Stopwatch.GetElapsedTime(started);
                                    if (took > slowestOutageAnswer)
                                    {
                                        slowestOutageAnswer = took;
                                    }
                                }

                                await Task.Delay(200, ct);
                            }
                        }
                        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                        {
                            outageAnswers.Add("timeout");
                        }
                    }
                }
            }, ct)).ToList();

            var loadDeadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < Wanted / 3 && DateTime.UtcNow < loadDeadline)
            {
                await Task.Delay(20, ct);
            }

            Volatile.Write(ref outage, 1);
            await cluster.CrashAsync(ct);
            var atCrash = acknowledged.Count;
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            using (var health = await client.GetAsync("/healthz", ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            }

            await cluster.StartServerAsync(ct);
            Volatile.Write(ref outage, 0);
            await Task.WhenAll(workers);
            using (var health = await client.GetAsync("/healthz", ct))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            await using var sql = new NpgsqlConnection(connectionString);
            await sql.OpenAsync(ct);
            var receipts = acknowledged.Values.ToArray();
            var stored = await ScalarAsync(sql, "SELECT count(*) FROM forms_submissions", ct);
            var matching = await ScalarAsync(sql, """SELECT count(*) FROM forms_submissions WHERE "ReceiptNumber" = ANY(@p)""", ct, receipts);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"acknowledged before the crash: {atCrash}; acknowledged in all: {receipts.Length}; stored: {stored} (matching {matching}); " +
                $"answers while the database was down: {string.Join(", ", outageAnswers.GroupBy(a => a).Select(g => $"{g.Key}×{g.Count()}"))}; slowest {slowestOutageAnswer.TotalMilliseconds:0} ms");
            Assert.Equal(receipts.Length, receipts.Distinct().Count());
            Assert.Equal(receipts.Length, stored);
            Assert.Equal(receipts.Length, matching);
            Assert.NotEmpty(outageAnswers);

            var drained = DateTime.UtcNow.AddSeconds(90);
            long undelivered;
            while ((undelivered = await ScalarAsync(sql, """SELECT count(*) FROM platform_outbox_messages WHERE "Status" <> 1""", ct)) > 0 && DateTime.UtcNow < drained)
            {
                await Task.Delay(250, ct);
            }

            Assert.Equal(0, undelivered);
            Assert.Equal(stored, await ScalarAsync(sql, "SELECT count(*) FROM cases_cases", ct));
            await using var db = Db.Open(connectionString);
            var verification = await AuditVerifier.VerifyAsync(db, DemoSeeder.OrganizationId, ct);
            Assert.True(verification.IsIntact, verification.Problem);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
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
