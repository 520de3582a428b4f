using Madoguchi.Platform.Calendar;

namespace Madoguchi.Bookings.Scheduling;

/// <summary>A slot as the availability shows it.</summary>
public sealed record SlotView(DateTime StartsAt, DateTime EndsAt, int Capacity, int Remaining, bool InLottery)
{
    public bool IsFree => Remaining > 0 && !InLottery;
}

/// <summary>Why a day has no slots, or why a time cannot be booked.</summary>
public enum Refusal
{
    None = 0,
    InThePast,
    TooSoon,
    BeyondHorizon,
    Closed,
    Holiday,
    YearEnd,
    NotASlot,
    Full,
    MonthlyLimit,
    InLottery,
    CancelDeadlinePassed,
    NotPublished,
}

/// <summary>
/// Lays out a resource's slots from its opening hours, slot length and buffer, skipping closed days,
/// national holidays and 年末年始, and checks a time against the booking rules. Pure: the caller passes
/// the clock's now and what is already taken.
/// </summary>
public static class Schedule
{
    /// <summary>Why <paramref name="date"/> is closed, or <see cref="Refusal.None"/> when open.</summary>
    public static Refusal ClosedReason(Resource resource, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.ClosedOnYearEnd && JapaneseHolidays.IsYearEndClosure(date))
        {
            return Refusal.YearEnd;
        }

        if (resource.ClosedOnHolidays && JapaneseHolidays.IsHoliday(date))
        {
            return Refusal.Holiday;
        }

        if (resource.ClosedDateList.Contains(date) || !resource.Hours.On(date.DayOfWeek).Any())
        {
            return Refusal.Closed;
        }

        return Refusal.None;
    }

    /// <summary>The slot times of one day (UTC start, end), whatever the booking rules.</summary>
    public static IEnumerable<(DateTime Start, DateTime End)> SlotTimes(Resource resource, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ClosedReason(resource, date) != Refusal.None || resource.SlotMinutes <= 0)
        {
            yield break;
        }

        foreach (var period in resource.Hours.On(date.DayOfWeek))
        {
            var start = period.Opens;
            while (true)
            {
                var end = start.AddMinutes(resource.SlotMinutes, out var wrapped);
                if (wrapped > 0 || end > period.Closes || end <= start)
                {
                    break;
                }

                yield return (Tokyo.ToUtc(date, start), Tokyo.ToUtc(date, end));
                var next = end.AddMinutes(resource.BufferMinutes, out wrapped);
                if (wrapped > 0)
                {
                    break;
                }

                start = next;
            }
        }
    }

    /// <summary>Whether the rules allow booking a slot starting at <paramref name="startUtc"/> now (not counting capacity).</summary>
    public static Refusal CheckTime(Resource resource, DateTime startUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.IsPublished)
        {
            return Refusal.NotPublished;
        }

        if (startUtc <= nowUtc)
        {
            return Refusal.InThePast;
        }

        if (startUtc < nowUtc.AddMinutes(resource.Rules.MinNoticeMinutes))
        {
            return Refusal.TooSoon;
        }

        var date = Tokyo.DateOf(startUtc);
        if (date > Tokyo.DateOf(nowUtc).AddDays(resource.Rules.HorizonDays))
        {
            return Refusal.BeyondHorizon;
        }

        var closed = ClosedReason(resource, date);
        if (closed != Refusal.None)
        {
            return closed;
        }

        return SlotTimes(resource, date).Any(s => s.Start == startUtc) ? Refusal.None : Refusal.NotASlot;
    }

    /// <summary>The bookable days from today to the horizon that fall in [from, to].</summary>
    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>
    /// Slots of the days [from, to] as the public sees them: only those the rules allow now, with the
    /// places left given the rows already written (<paramref name="written"/>, by UTC start).
    /// </summary>
    public static List<SlotView> Availability(Resource resource, DateOnly from, DateOnly to, DateTime nowUtc, IReadOnlyDictionary<DateTime, Slot> written)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(written);
        var views = new List<SlotView>();
        foreach (var day in Days(from, to))
        {
            foreach (var (start, end) in SlotTimes(resource, day))
            {
                if (CheckTime(resource, start, nowUtc) != Refusal.None)
                {
                    continue;
                }

                var row = written.GetValueOrDefault(start);
                var capacity = row?.Capacity ?? resource.Capacity;
                views.Add(new SlotView(start, end, capacity, Math.Max(0, capacity - (row?.Taken ?? 0)), row?.LotteryId is not null));
            }
        }

        return views;
    }
}
