namespace Madoguchi.Payments.Reconciliation;

/// <summary>Days in Japan Standard Time (UTC+9, no daylight saving): reconciliation is by the city's calendar day.</summary>
public static class JstDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>UTC start (inclusive) and end (exclusive) of a JST day.</summary>
    public static (DateTime From, DateTime To) Bounds(DateOnly day)
    {
        var from = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
        return (from, from.AddDays(1));
    }

    public static DateOnly Of(DateTime utc) => DateOnly.FromDateTime(utc + Offset);
}
