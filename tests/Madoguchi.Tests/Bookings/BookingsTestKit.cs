using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Bookings;

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Monday 30 November 2026, 09:00 in Tokyo: an ordinary working day.</summary>
    public static TestClock MondayMorning() => new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));
}

/// <summary>The bookings services in one scope acting for Musashino, on the given clock (a fresh scope per step, as requests are).</summary>
public sealed class BookingsScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private BookingsScope(AsyncServiceScope scope, TimeProvider clock)
    {
        _scope = scope;
        var services = scope.ServiceProvider;
        Db = services.GetRequiredService<MadoguchiDb>();
        services.GetRequiredService<TenantContext>().Set(Db.Organizations.Single(o => o.Code == DemoSeeder.OrganizationCode));
        Bookings = ActivatorUtilities.CreateInstance<BookingService>(services, clock);
        Waitlist = ActivatorUtilities.CreateInstance<WaitlistService>(services, clock, Bookings);
        Lotteries = ActivatorUtilities.CreateInstance<LotteryService>(services, clock, Bookings);
        Payments = ActivatorUtilities.CreateInstance<BookingPayments>(services, clock, Bookings);
        Services = services;
    }

    public IServiceProvider Services { get; }
    public BookingPayments Payments { get; }

    /// <summary>Pays a 仮予約 as if the citizen paid online: starts its payment and applies the gateway's capture.</summary>
    public async Task PayAsync(Reservation reservation)
    {
        var next = await Payments.StartAsync(reservation, "http://localhost/bookings/manage/x", TestContext.Current.CancellationToken);
        var paymentId = Guid.Parse(next!.Split('/')[^1]);
        await Services.GetRequiredService<Madoguchi.Payments.Payments.PaymentService>().ApplyAsync(paymentId,
            new Madoguchi.Payments.Payments.GatewayEvent(Madoguchi.Payments.Payments.PaymentStatus.Captured, reservation.FeeYen, null, "webhook"), TestContext.Current.CancellationToken);
    }

    public MadoguchiDb Db { get; }
    public BookingService Bookings { get; }
    public WaitlistService Waitlist { get; }
    public LotteryService Lotteries { get; }

    public static BookingsScope Open(MadoguchiApp app, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new BookingsScope(app.Services.CreateAsyncScope(), clock);
    }

    public Task<Resource> ResourceAsync(string slug) => Db.Set<Resource>().AsNoTracking().SingleAsync(r => r.Slug == slug, TestContext.Current.CancellationToken);

    public Task<Slot?> SlotAsync(Resource resource, DateTime start) => Db.Set<Slot>().AsNoTracking().FirstOrDefaultAsync(s => s.ResourceId == resource.Id && s.StartsAt == start, TestContext.Current.CancellationToken);

    public Task<List<OutboxMessage>> MailToAsync(string email) =>
        Db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(email)).OrderBy(m => m.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    public static DateTime Jst(int year, int month, int day, int hour, int minute = 0) => Tokyo.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    public static readonly Dictionary<string, string> OnePerson = new() { ["people"] = "1" };
}
