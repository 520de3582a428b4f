using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.DemoContent;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Bookings;

/// <summary>The bookings module: counters, consultations and facilities; holds, bookings, waitlists, lotteries.</summary>
public static class BookingsModule
{
    public static IHostApplicationBuilder AddBookingsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(new ModelAssembly(typeof(BookingsModule).Assembly));
        services.AddScoped<SlotStore>();
        services.AddScoped<BookingLinks>();
        services.AddScoped<BookingService>();
        services.AddScoped<Madoguchi.Forms.Contracts.ICounterVisits, Reservations.CounterVisitsSource>();
        services.AddScoped<BookingPayments>();
        services.AddOptions<BookingPaymentOptions>().BindConfiguration(BookingPaymentOptions.Section)
            .Validate(o => o.IsValid, "Bookings:Payment: PayWithinDays 0–60, CutoffHours 0–720, MinimumMinutes 1–1440.").ValidateOnStart();
        services.AddScoped<WaitlistService>();
        services.AddScoped<LotteryService>();
        services.AddScoped<Admin.ResourceAdministration>();
        services.AddScoped<IDemoContent, BookingsDemoContent>();
        services.AddSingleton<BookingsMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<BookingsMaintenance>());
        return builder;
    }

    public static IEndpointRouteBuilder MapBookingsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapBookingsApi();
        return app;
    }
}
