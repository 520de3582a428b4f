using System.Globalization;
using CsCheck;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>和暦 dates: 西暦 → 和暦 → 西暦 gives the same day for every day of 平成 and 令和 to 2099, and the era boundaries hold.</summary>
public sealed class WarekiProperties
{
    [Fact]
    public void EveryDayFromHeisei1To2099_RoundTripsThroughWareki()
    {
        for (var date = new DateOnly(1989, 1, 8); date <= new DateOnly(2099, 12, 31); date = date.AddDays(1))
        {
            var text = AnswerText.WarekiText(date, english: false);
            Assert.NotNull(text);
            Assert.True(AnswerText.TryParseDate(text, out var back), text);
            Assert.Equal(date, back);

            var parts = AnswerText.WarekiParts(date);
            Assert.NotNull(parts);
            Assert.True(AnswerText.TryParseWareki(parts.Value.Era, parts.Value.Year, date.Month, date.Day, out var fromParts), $"{parts} {date}");
            Assert.Equal(date, fromParts);
            Assert.StartsWith(parts.Value.Era == "R" ? "令和" : "平成", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("平成31年4月30日", "2019-04-30")]
    [InlineData("令和元年5月1日", "2019-05-01")]
    [InlineData("令和1年5月1日", "2019-05-01")]
    [InlineData("R1.5.1", "2019-05-01")]
    [InlineData("平成元年1月8日", "1989-01-08")]
    [InlineData("昭和64年1月7日", "1989-01-07")]
    public void EraBoundaries(string wareki, string iso)
    {
        Assert.True(AnswerText.TryParseDate(wareki, out var date), wareki);
        Assert.Equal(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("平成31年5月1日")]
    [InlineData("令和1年4月30日")]
    [InlineData("昭和64年1月8日")]
    [InlineData("平成1年1月7日")]
    public void DatesOutsideTheirEra_AreRefused(string wareki) =>
        Assert.False(AnswerText.TryParseDate(wareki, out _), wareki);

    [Fact]
    public void AnyText_IsParsedOrRefused_WithoutThrowing()
    {
        Gen.Frequency(
                (2, Fuzz.Text),
                (3, Gen.Select(Gen.OneOf("令和", "平成", "昭和", "大正", "明治", "R", "H", "S", "T", "M", "r", "X", ""), Gen.Int[-5, 120], Gen.Int[-1, 14], Gen.Int[-1, 33],
                    (e, y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{e}{y}年{m}月{d}日"))),
                (1, Gen.Select(Gen.Int[-5, 10_000], Gen.Int[-1, 14], Gen.Int[-1, 33], (y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}-{d:00}"))))
            .Sample(text =>
            {
                if (AnswerText.TryParseDate(text, out var date))
                {
                    // Whatever was accepted is a real day, and reads back the same from its ISO form.
                    Assert.True(AnswerText.TryParseDate(AnswerText.IsoDate(date), out var again));
                    Assert.Equal(date, again);
                }
            }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }
}
