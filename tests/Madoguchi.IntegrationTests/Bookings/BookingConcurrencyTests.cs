using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Bookings;

/// <summary>
/// No double booking, ever (ADR 0030): many simultaneous requests over real HTTP at one slot on
/// PostgreSQL; exactly its capacity succeed, every other one is a 409 "full" with alternatives.
/// </summary>
public sealed class BookingConcurrencyTests
{
    private const int Requests = 60;

    [Fact]
    public async Task ManySimultaneousBookings_OfOneSlot_OnPostgres_ExactlyCapacitySucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        using var client = new HttpClient { BaseAddress = app.RootUri, Timeout = TimeSpan.FromMinutes(2) };
        var (resourceId, start, capacity) = await FirstFreeSlotAsync(client, "moving-in-visit", ct);
        Assert.Equal(3, capacity);

        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
            {
                Content = JsonContent.Create(new { resourceId, start, name = $"同時 太郎{i}", email = $"rush{i}@example.jp", answers = new Dictionary<string, string> { ["people"] = "1" } }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request, ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }, ct)).ToList();
        gate.Release(Requests);
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        Assert.Equal(capacity, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(refused, p => Assert.Equal("full", p.GetProperty("reason").GetString()));
        Assert.All(refused, p => Assert.True(p.GetProperty("alternatives").GetArrayLength() > 0, "A refused person is shown other free slots."));

        var (booked, taken) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var id = Guid.Parse(resourceId);
            var startUtc = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
            var slot = await db.Set<Slot>().SingleAsync(s => s.ResourceId == id && s.StartsAt == startUtc, ct);
            return (await db.Set<Reservation>().CountAsync(r => r.SlotId == slot.Id && r.Status == ReservationStatus.Confirmed, ct), slot.Taken);
        });
        Assert.Equal(capacity, booked);
        Assert.Equal(capacity, taken);
    }

    [Fact]
    public async Task DoubleSubmit_WithTheSameKey_OnPostgres_MakesOneBooking()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        using var client = new HttpClient { BaseAddress = app.RootUri };
        var (resourceId, start, _) = await FirstFreeSlotAsync(client, "moving-in-visit", ct);
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { resourceId, start, name = "二重 押子", email = "double@example.jp", answers = new Dictionary<string, string> { ["people"] = "2" } });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }, ct)));

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        var references = results.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("reference").GetString()).Distinct().ToList();
        Assert.Single(references);
        var count = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Reservation>().CountAsync(r => r.Email == "double@example.jp", ct));
        Assert.Equal(1, count);
    }

    internal static async Task<(string ResourceId, string Start, int Capacity)> FirstFreeSlotAsync(HttpClient client, string slug, CancellationToken ct)
    {
        var resources = await client.GetFromJsonAsync<JsonElement>("/api/v1/resources?kind=counter", ct);
        var resource = resources.EnumerateArray().Single(r => r.GetProperty("slug").GetString() == slug);
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{slug}/availability?from={from:yyyy-MM-dd}&to={from.AddDays(14):yyyy-MM-dd}", ct);
        var slot = slots.EnumerateArray().First(s => s.GetProperty("remaining").GetInt32() == s.GetProperty("capacity").GetInt32());
        return (resource.GetProperty("id").GetString()!, slot.GetProperty("start").GetString()!, slot.GetProperty("capacity").GetInt32());
    }
}
