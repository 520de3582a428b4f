using System.Globalization;

namespace Madoguchi.Plan.Progress;

/// <summary>Japanese fiscal years (年度, April to March) and their 和暦 names.</summary>
public static class FiscalYears
{
    public static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The fiscal year a moment falls in, Japan time: 2027-03-31 → 2026, 2027-04-01 → 2027.</summary>
    public static int Of(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Japan);
        return local.Month >= 4 ? local.Year : local.Year - 1;
    }

    public static DateOnly TodayInJapan(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Japan).DateTime);
    }

    /// <summary>令和8年度 for 2026 (Reiwa began in 2019); "FY2026" in English.</summary>
    public static string Name(int fiscalYear, bool english) =>
        english ? $"FY{fiscalYear}" : $"{Era(fiscalYear)}年度";

    /// <summary>令和8年度（2026年度） / FY2026.</summary>
    public static string LongName(int fiscalYear, bool english) =>
        english ? $"FY{fiscalYear} (Reiwa {fiscalYear - 2018})" : $"{Era(fiscalYear)}年度（{fiscalYear}年度）";

    /// <summary>令和8 for 2026; 令和元 for 2019.</summary>
    public static string Era(int year) => year switch
    {
        2019 => "令和元",
        > 2019 => "令和" + (year - 2018).ToString(CultureInfo.InvariantCulture),
        _ => "平成" + (year - 1988).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>2026年11月25日 / 2026-11-25 (Japan time).</summary>
    public static string Date(DateTime utc, bool english)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Japan);
        return english ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST" : local.ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture);
    }
}
