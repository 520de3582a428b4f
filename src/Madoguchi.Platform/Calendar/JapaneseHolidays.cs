namespace Madoguchi.Platform.Calendar;

/// <summary>
/// Japanese national holidays (国民の祝日) under the 国民の祝日に関する法律 as it stands since 2020
/// (天皇誕生日 on 23 February, スポーツの日), with 振替休日 (a holiday on a Sunday moves to the next
/// non-holiday day) and 国民の休日 (a day between two holidays). 春分の日 and 秋分の日 use the usual
/// astronomical approximation (valid 1980–2099); the Cabinet Office confirms them each February for the
/// following year. Checked against the published calendars for 2026–2031 in the tests.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstSupportedYear = 2020;
    public const int LastSupportedYear = 2099;

    /// <summary>The holidays of <paramref name="year"/> with their Japanese names, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holidays are computed for {FirstSupportedYear}–{LastSupportedYear}.");
        }

        var days = new SortedDictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "元日",
            [NthMonday(year, 1, 2)] = "成人の日",
            [new DateOnly(year, 2, 11)] = "建国記念の日",
            [new DateOnly(year, 2, 23)] = "天皇誕生日",
            [new DateOnly(year, 3, VernalEquinoxDay(year))] = "春分の日",
            [new DateOnly(year, 4, 29)] = "昭和の日",
            [new DateOnly(year, 5, 3)] = "憲法記念日",
            [new DateOnly(year, 5, 4)] = "みどりの日",
            [new DateOnly(year, 5, 5)] = "こどもの日",
            [NthMonday(year, 7, 3)] = "海の日",
            [new DateOnly(year, 8, 11)] = "山の日",
            [NthMonday(year, 9, 3)] = "敬老の日",
            [new DateOnly(year, 9, AutumnalEquinoxDay(year))] = "秋分の日",
            [NthMonday(year, 10, 2)] = "スポーツの日",
            [new DateOnly(year, 11, 3)] = "文化の日",
            [new DateOnly(year, 11, 23)] = "勤労感謝の日",
        };
        var statutory = days.Keys.ToHashSet();

        // 国民の休日: a day that is not itself a holiday, between two holidays (only September can have one now).
        foreach (var day in statutory.ToList())
        {
            var between = day.AddDays(1);
            if (!statutory.Contains(between) && statutory.Contains(between.AddDays(1)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                days[between] = "国民の休日";
            }
        }

        // 振替休日: a holiday on a Sunday gives the next day that is not a holiday.
        foreach (var day in statutory.Where(d => d.DayOfWeek == DayOfWeek.Sunday).ToList())
        {
            var substitute = day.AddDays(1);
            while (days.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            days[substitute] = "振替休日";
        }

        return [.. days.Select(d => (d.Key, d.Value))];
    }

    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The holiday's name, or null on an ordinary day. Years outside the supported range have none.</summary>
    public static string? NameOf(DateOnly date)
    {
        if (date.Year is < FirstSupportedYear or > LastSupportedYear)
        {
            return null;
        }

        foreach (var (day, name) in Cache.GetOrAdd(date.Year, For))
        {
            if (day == date)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>年末年始 as city halls close: 29 December to 3 January.</summary>
    public static bool IsYearEndClosure(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<(DateOnly Date, string Name)>> Cache = new();

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    // floor(20.8431 + 0.242194 (y − 1980) − floor((y − 1980) / 4)), and 23.2488 for autumn (1980–2099).
    private static int VernalEquinoxDay(int year) =>
        (int)Math.Floor(20.8431 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    private static int AutumnalEquinoxDay(int year) =>
        (int)Math.Floor(23.2488 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));
}
