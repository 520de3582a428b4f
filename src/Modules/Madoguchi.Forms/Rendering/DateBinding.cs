using System.Globalization;
using System.Text.RegularExpressions;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Forms.Rendering;

/// <summary>
/// A date is typed in three boxes (和暦 adds an era). A valid date is kept as "YYYY-MM-DD"; anything
/// else is kept as typed ("2026-2-30", "令和9年13月1日") so it is shown again and validation explains it.
/// </summary>
public static partial class DateBinding
{
    public static string? Compose(string? era, string? year, string? month, string? day, DateStyle style)
    {
        year = AnswerText.ToAsciiDigits(year ?? "").Trim();
        month = AnswerText.ToAsciiDigits(month ?? "").Trim();
        day = AnswerText.ToAsciiDigits(day ?? "").Trim();
        if (year.Length == 0 && month.Length == 0 && day.Length == 0)
        {
            return null;
        }

        var text = style == DateStyle.Wareki && !string.IsNullOrEmpty(era) && era != "西暦"
            ? $"{era}{year}年{month}月{day}日"
            : $"{year}-{month}-{day}";
        return AnswerText.TryParseDate(text, out var date) ? AnswerText.IsoDate(date) : text;
    }

    public static (string Era, string Year, string Month, string Day) Parts(string text, DateStyle style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (style == DateStyle.Wareki ? AnswerText.EraChoices[0].Ja : "", "", "", "");
        }

        if (Iso().Match(text) is { Success: true } iso)
        {
            var y = iso.Groups[1].Value;
            // A year no era reaches (a typo such as 2999) is shown back in 西暦, as typed.
            if (style == DateStyle.Wareki && AnswerText.TryParseDate(text, out var date) && AnswerText.WarekiParts(date) is { Year: <= 64 } w)
            {
                var eraName = AnswerText.EraChoices.FirstOrDefault(e => e.Value == w.Era || e.Ja == w.Era).Ja ?? w.Era;
                return (eraName, w.Year.ToString(CultureInfo.InvariantCulture), Trim(iso.Groups[2].Value), Trim(iso.Groups[3].Value));
            }

            return (style == DateStyle.Wareki ? "西暦" : "", y, Trim(iso.Groups[2].Value), Trim(iso.Groups[3].Value));
        }

        if (Wareki().Match(text) is { Success: true } wareki)
        {
            return (wareki.Groups[1].Value, wareki.Groups[2].Value, wareki.Groups[3].Value, wareki.Groups[4].Value);
        }

        return ("", text, "", "");
    }

    private static string Trim(string digits) => digits.TrimStart('0') is { Length: > 0 } t ? t : digits;

    [GeneratedRegex(@"^(\d*)-(\d*)-(\d*)$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(\D+?)(\d*|元)年(\d*)月(\d*)日$")]
    private static partial Regex Wareki();
}
