using System.Net;
using Madoguchi.Bench.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Bench.Tests;

/// <summary>The generator against a tiny real Kestrel server on loopback.</summary>
public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private Uri _root = null!;
    private int _requests;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        // The 20th request stalls for 500 ms: the server "hiccups" once.
        _server.MapGet("/hiccup", async () =>
        {
            if (Interlocked.Increment(ref _requests) == 20)
            {
                await Task.Delay(500);
            }

            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        _server.MapGet("/warm", () => Microsoft.AspNetCore.Http.Results.Ok());
        _server.MapGet("/busy", () => Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status429TooManyRequests));
        await _server.StartAsync();
        _root = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenLoop_CountsTheWaitOfRequestsScheduledDuringAStall()
    {
        // One connection, 50 requests/s for 2 s: requests scheduled during the 500 ms stall queue behind it.
        // A closed-loop tool would not send them and would report one slow request; the open loop reports ~25.
        using var client = Client(connections: 1);
        // Connection open and the request path compiled first: on a crowded machine a cold first request alone took
        // over a second, and every request behind it on the one connection waited for it (not the stall under test).
        var warm = new LoadGenerator(client, () => new HttpRequestMessage(HttpMethod.Get, "/warm"), Classify);
        await warm.ClosedLoopAsync(1, TimeSpan.FromSeconds(0.5), Ct);
        var generator = new LoadGenerator(client, () => new HttpRequestMessage(HttpMethod.Get, "/hiccup"), Classify);

        var result = await generator.OpenLoopAsync(50, TimeSpan.FromSeconds(2), maxInFlight: 1000, Ct);

        Assert.Equal(100, result.Successes);
        Assert.Equal(0, result.Errors);
        Assert.Equal(50, result.SuccessPerSecond, precision: 0);
        Assert.True(result.All.P95Ms >= 300, $"p95 {result.All.P95Ms} ms: the queued requests' wait was not counted");
        // Most requests were not scheduled during the stall. The bound is half the stall, not a few milliseconds: the
        // whole suite runs in parallel on two cores, where a request can wait 100 ms for the CPU alone (seen in CI runs).
        Assert.True(result.All.P50Ms < 250, $"p50 {result.All.P50Ms} ms: most requests were not delayed");
    }

    [Fact]
    public async Task ClosedLoop_CountsAnswersByStatus_AndRefusalsAsRejected()
    {
        using var client = Client(connections: 2);
        var generator = new LoadGenerator(client, () => new HttpRequestMessage(HttpMethod.Get, "/busy"), Classify);

        // Two seconds, not a fraction: on a machine busy with the other test streams the first answer (a new connection
        // and a cold request path) alone once took longer than 300 ms, and the loop ended with nothing counted.
        var result = await generator.ClosedLoopAsync(2, TimeSpan.FromSeconds(2), Ct);

        Assert.True(result.Rejected > 0);
        Assert.Equal(0, result.Successes);
        Assert.Equal(0, result.Errors);
        Assert.Equal(result.Rejected, result.Answers["429"]);
        Assert.Equal(0, result.SuccessPerSecond);
    }

    private HttpClient Client(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false }) { BaseAddress = _root, Timeout = TimeSpan.FromSeconds(10) };

    private static Outcome Classify(HttpStatusCode status) =>
        status == HttpStatusCode.OK ? Outcome.Success
        : status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? Outcome.Rejected
        : Outcome.Error;
}
