using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Madoguchi.Bookings.Scheduling;
using IcalCalendar = Ical.Net.Calendar;

namespace Madoguchi.Bookings.Reservations;

/// <summary>
/// iCalendar (RFC 5545) for a reservation and for a resource's staff feed, with Ical.Net. One UID per
/// reservation for its whole life; SEQUENCE grows with every change; a cancellation is
/// <c>METHOD:CANCEL</c> with <c>STATUS:CANCELLED</c>. Times are in Asia/Tokyo with its VTIMEZONE.
/// </summary>
public static class IcsBuilder
{
    public const string ContentType = "text/calendar";
    private const string ProductId = "-//Madoguchi//Bookings//JA";

    public static string Uid(Reservation reservation, string organizationCode)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return $"{reservation.Id:N}@{organizationCode.ToLowerInvariant()}.madoguchi";
    }

    /// <summary>REQUEST for a live booking, CANCEL for a cancelled one (as the email attachment and the download).</summary>
    public static string ForReservation(Reservation reservation, Resource resource, string organizationCode, string organizationName, string manageUrl, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(resource);
        var cancelled = reservation.Status is ReservationStatus.Cancelled or ReservationStatus.Lapsed;
        var calendar = NewCalendar(cancelled ? "CANCEL" : "REQUEST");
        calendar.Events.Add(Event(reservation, resource, organizationCode, organizationName, manageUrl, nowUtc));
        return Serialize(calendar);
    }

    /// <summary>A resource's bookings for staff calendars (PUBLISH): names only, no contact details.</summary>
    public static string Feed(Resource resource, IEnumerable<Reservation> reservations, string organizationCode, string organizationName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(reservations);
        var calendar = NewCalendar("PUBLISH");
        foreach (var reservation in reservations)
        {
            var e = Event(reservation, resource, organizationCode, organizationName, null, nowUtc);
            e.Summary = $"{reservation.Reference} {reservation.Name}（{resource.NameJa}）";
            calendar.Events.Add(e);
        }

        return Serialize(calendar);
    }

    public static byte[] Bytes(string ics) => Encoding.UTF8.GetBytes(ics);

    private static IcalCalendar NewCalendar(string method)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Method = method };
        calendar.AddTimeZone(Tokyo.TimeZoneId);
        return calendar;
    }

    private static CalendarEvent Event(Reservation reservation, Resource resource, string organizationCode, string organizationName, string? manageUrl, DateTime nowUtc)
    {
        var cancelled = reservation.Status is ReservationStatus.Cancelled or ReservationStatus.Lapsed;
        var description = new StringBuilder()
            .Append("予約番号 / Reference: ").AppendLine(reservation.Reference)
            .Append(resource.LocationJa.Length > 0 ? $"場所: {resource.LocationJa}\n" : "");
        if (reservation.VideoLink is not null)
        {
            description.Append("オンライン / Online: ").AppendLine(reservation.VideoLink);
        }

        if (manageUrl is not null && !cancelled)
        {
            description.Append("変更・取消 / Change or cancel: ").AppendLine(manageUrl);
        }

        var e = new CalendarEvent
        {
            Uid = Uid(reservation, organizationCode),
            Sequence = reservation.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = Local(reservation.StartsAt),
            DtEnd = Local(reservation.EndsAt),
            Summary = $"{resource.NameJa} / {resource.NameEn}（{organizationName}）",
            Location = reservation.VideoLink ?? resource.LocationJa,
            Description = description.ToString().TrimEnd(),
            Status = cancelled ? "CANCELLED" : reservation.Status == ReservationStatus.Provisional ? "TENTATIVE" : "CONFIRMED",
            Transparency = "OPAQUE",
        };
        if (manageUrl is not null && Uri.TryCreate(manageUrl, UriKind.Absolute, out var url))
        {
            e.Url = url;
        }

        return e;
    }

    private static CalDateTime Local(DateTime utc)
    {
        var local = Tokyo.ToLocal(utc).DateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, Tokyo.TimeZoneId);
    }

    private static string Serialize(IcalCalendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
