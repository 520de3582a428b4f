using System.Globalization;

namespace Madoguchi.Bookings.Scheduling;

/// <summary>Japan Standard Time (Asia/Tokyo, UTC+9, no daylight saving since 1951): how times are shown and slots laid out.</summary>
public static class Tokyo
{
    public const string TimeZoneId = "Asia/Tokyo";
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        DateTime.SpecifyKind(date.ToDateTime(time) - Offset, DateTimeKind.Utc);

    public static DateTimeOffset ToLocal(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>ISO 8601 with offset, e.g. <c>2026-12-01T09:00:00+09:00</c>.</summary>
    public static string Iso(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static readonly string[] WeekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>2026年12月1日（火） or Tue 1 Dec 2026.</summary>
    public static string LongDate(DateOnly date, bool english) =>
        english
            ? date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)
            : $"{date.Year}年{date.Month}月{date.Day}日（{WeekdaysJa[(int)date.DayOfWeek]}）";

    public static string LongDateTime(DateTime utc, bool english) => $"{LongDate(DateOf(utc), english)} {Time(utc)}";

    public static string Range(DateTime startUtc, DateTime endUtc, bool english) => $"{LongDate(DateOf(startUtc), english)} {Time(startUtc)}–{Time(endUtc)}";
}
