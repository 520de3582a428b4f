using Madoguchi.Platform.Calendar;

namespace Madoguchi.Tests.Platform;

/// <summary>The holiday calculator against the published calendars of 2026–2031.</summary>
public sealed class HolidayTests
{
    [Fact]
    public void Year2026_IsTheCabinetOfficeList_WithSubstituteAndCitizensHoliday()
    {
        var expected = new[]
        {
            "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日", "04-29 昭和の日",
            "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-20 海の日", "08-11 山の日",
            "09-21 敬老の日", "09-22 国民の休日", "09-23 秋分の日", "10-12 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日",
        };
        Assert.Equal(expected, JapaneseHolidays.For(2026).Select(h => $"{h.Date:MM-dd} {h.Name}"));
    }

    [Theory]
    [InlineData(2027, 17, "03-22")]
    [InlineData(2028, 16, "")]
    [InlineData(2029, 19, "02-12 04-30 09-24")]
    [InlineData(2030, 19, "05-06 08-12 11-04")]
    [InlineData(2031, 19, "02-24 05-06 11-24")]
    public void LaterYears_HaveTheirSubstituteHolidays(int year, int count, string substitutes)
    {
        var holidays = JapaneseHolidays.For(year);
        Assert.Equal(count, holidays.Count);
        Assert.Equal(substitutes, string.Join(' ', holidays.Where(h => h.Name == "振替休日").Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(holidays, h => h.Name == "国民の休日");
    }

    [Theory]
    [InlineData(2026, 3, 20, 9, 23)]
    [InlineData(2027, 3, 21, 9, 23)]
    [InlineData(2028, 3, 20, 9, 22)]
    [InlineData(2029, 3, 20, 9, 23)]
    [InlineData(2030, 3, 20, 9, 23)]
    [InlineData(2031, 3, 21, 9, 23)]
    public void Equinoxes_FallOnThePublishedDays(int year, int springMonth, int springDay, int autumnMonth, int autumnDay)
    {
        Assert.Equal("春分の日", JapaneseHolidays.NameOf(new DateOnly(year, springMonth, springDay)));
        Assert.Equal("秋分の日", JapaneseHolidays.NameOf(new DateOnly(year, autumnMonth, autumnDay)));
    }

    [Fact]
    public void HappyMondays_AreMondays_AndNoHolidayIsCountedTwice()
    {
        for (var year = 2026; year <= 2031; year++)
        {
            var holidays = JapaneseHolidays.For(year);
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.All(holidays.Where(h => h.Name is "成人の日" or "海の日" or "敬老の日" or "スポーツの日"), h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
            Assert.DoesNotContain(holidays, h => h.Name == "振替休日" && h.Date.DayOfWeek == DayOfWeek.Sunday);
        }
    }

    [Fact]
    public void YearEnd_Is29DecemberTo3January()
    {
        Assert.False(JapaneseHolidays.IsYearEndClosure(new DateOnly(2026, 12, 28)));
        Assert.True(JapaneseHolidays.IsYearEndClosure(new DateOnly(2026, 12, 29)));
        Assert.True(JapaneseHolidays.IsYearEndClosure(new DateOnly(2027, 1, 3)));
        Assert.False(JapaneseHolidays.IsYearEndClosure(new DateOnly(2027, 1, 4)));
        Assert.Null(JapaneseHolidays.NameOf(new DateOnly(2026, 12, 1)));
    }
}
