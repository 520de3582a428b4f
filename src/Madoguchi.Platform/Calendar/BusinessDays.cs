namespace Madoguchi.Platform.Calendar;

/// <summary>
/// 営業日 (business days) as a Japanese city hall counts them: not Saturday or Sunday, not a national
/// holiday (<see cref="JapaneseHolidays"/>), not 年末年始 (29 December – 3 January). Used for 標準処理期間
/// due dates.
/// </summary>
public static class BusinessDays
{
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !JapaneseHolidays.IsYearEndClosure(date)
        && !JapaneseHolidays.IsHoliday(date);

    /// <summary>
    /// The date <paramref name="days"/> business days after <paramref name="date"/> (the start day itself
    /// is not counted, as 標準処理期間 counts from the day after receipt). Negative counts go back;
    /// zero returns the date unchanged.
    /// </summary>
    public static DateOnly AddBusinessDays(DateOnly date, int days)
    {
        var step = days < 0 ? -1 : 1;
        var remaining = Math.Abs(days);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsBusinessDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>The business days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int CountBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
