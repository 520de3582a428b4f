using Madoguchi.Platform.Calendar;

namespace Madoguchi.Tests.Platform;

/// <summary>営業日 counting for 標準処理期間 due dates, across Golden Week 2027 and 年末年始 2026/27.</summary>
public sealed class BusinessDaysTests
{
    // Golden Week 2027 by hand: 4/29 (Thu) 昭和の日, 4/30 (Fri) a working day, 5/1–5/2 weekend,
    // 5/3 (Mon) 憲法記念日, 5/4 (Tue) みどりの日, 5/5 (Wed) こどもの日, 5/6 (Thu) a working day again
    // (no 振替休日 in 2027: none of them falls on a Sunday).
    [Theory]
    [InlineData("2027-04-28", 1, "2027-04-30")] // Wed + 1: Thu is 昭和の日
    [InlineData("2027-04-28", 2, "2027-05-06")] // then weekend and three holidays
    [InlineData("2027-04-30", 1, "2027-05-06")]
    [InlineData("2027-04-28", 5, "2027-05-11")] // 4/30, 5/6, 5/7, 5/10, 5/11
    [InlineData("2027-05-06", -1, "2027-04-30")]
    public void GoldenWeek2027(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BusinessDays.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    // 年末年始 2026/27 by hand: 12/25 (Fri), 12/26–27 weekend, 12/28 (Mon) last working day,
    // 12/29–1/3 closed (1/1 is also 元日), 1/4 (Mon) first working day; 1/11 (Mon) is 成人の日 2027.
    [Theory]
    [InlineData("2026-12-25", 1, "2026-12-28")]
    [InlineData("2026-12-25", 2, "2027-01-04")]
    [InlineData("2026-12-28", 1, "2027-01-04")]
    [InlineData("2026-12-28", 6, "2027-01-12")] // 1/4, 1/5, 1/6, 1/7, 1/8, (weekend, 成人の日) 1/12
    [InlineData("2026-12-30", 1, "2027-01-04")] // a case received while closed still counts from the next working day
    [InlineData("2026-12-24", 14, "2027-01-20")] // 12/25, 12/28, 1/4–1/8 (5), 1/12–1/15 (4) = 11; 1/18, 1/19, 1/20 = 14
    public void YearEnd2026(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BusinessDays.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void WeekendsHolidaysAndYearEnd_AreNotBusinessDays()
    {
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 11, 28))); // Saturday
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 11, 23))); // 勤労感謝の日 (Monday)
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 12, 29))); // 年末年始 on a Tuesday
        Assert.True(BusinessDays.IsBusinessDay(new DateOnly(2026, 11, 25)));
        Assert.Equal(0, BusinessDays.CountBetween(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)));
        Assert.Equal(2, BusinessDays.CountBetween(new DateOnly(2027, 4, 28), new DateOnly(2027, 5, 6)));
    }

    [Fact]
    public void ZeroDays_IsTheSameDate() =>
        Assert.Equal(new DateOnly(2027, 5, 3), BusinessDays.AddBusinessDays(new DateOnly(2027, 5, 3), 0));
}
