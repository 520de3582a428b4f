using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Madoguchi.Forms.Engine;

/// <summary>
/// Reading and normalising answer values of any JSON shape without throwing: strings (also those
/// holding invalid UTF-16), full-width digits (全角数字), kana, postal codes, dates in 西暦 and 和暦.
/// </summary>
public static partial class AnswerText
{
    /// <summary>True when the answer is absent: null, blank text, false, an empty array, or an object whose values are all empty.</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => TryGetString(v, out var s) && string.IsNullOrWhiteSpace(s),
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => true,
            _ => false,
        },
        JsonArray a => a.Count == 0,
        JsonObject o => o.All(p => IsEmpty(p.Value)),
        _ => false,
    };

    /// <summary>Reads a JSON string; false for other kinds and for strings that are not valid UTF-16.</summary>
    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = v.GetValue<string>();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A value as plain text for display: a string as is, anything else as JSON, unreadable text as "?".</summary>
    public static string Display(JsonNode? node)
    {
        if (TryGetString(node, out var s))
        {
            return s;
        }

        try
        {
            return node?.ToJsonString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    /// <summary>Whether the string holds a high or low surrogate without its pair.</summary>
    public static bool HasUnpairedSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Control characters (C0, DEL, C1) other than the allowed line feed and tab (and carriage return).</summary>
    public static bool HasControlCharacter(string s, bool allowNewlines)
    {
        foreach (var c in s)
        {
            if (char.IsControl(c) && !(allowNewlines && (c == '\n' || c == '\t' || c == '\r')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Emoji: pictographs, dingbats, regional indicators, the emoji presentation selector and zero-width joiner.</summary>
    public static bool HasEmoji(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                cp = s[i];
            }

            if (cp is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF)
                or 0xFE0F or 0x200D or 0x20E3 or (>= 0xE0020 and <= 0xE007F) or 0x3030 or 0x303D or 0x3297 or 0x3299)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters as a person counts them (Unicode text elements): 𠮷 or 葛󠄀 (with its variation selector) count as one.</summary>
    public static int CountCharacters(string s) => new StringInfo(s).LengthInTextElements;

    /// <summary>Full-width digits, signs and hyphen-like characters to ASCII (０１２ → 012, －ー― → -).</summary>
    public static string ToAsciiDigits(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '－' or 'ー' or '―' or '‐' or '−' or '‑' or '–' or '—' or '﹣' or 'ｰ' => '-',
                '．' => '.',
                '，' => ',',
                '＋' => '+',
                '　' => ' ',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Only the ASCII digits of a value after full-width conversion, when it holds nothing but digits, spaces and hyphens.</summary>
    public static string? DigitsOnly(string s)
    {
        var ascii = ToAsciiDigits(s).Trim();
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (c is not ('-' or ' '))
            {
                return null;
            }
        }

        return sb.ToString();
    }

    /// <summary>Largest magnitude a number answer may have (the schema says the same).</summary>
    public const decimal NumberLimit = 1_000_000_000_000_000m;

    /// <summary>A number from a JSON number or a string of (full-width) digits; commas as thousands separators allowed in strings.</summary>
    public static bool TryGetNumber(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                try
                {
                    return v.TryGetValue(out value) || decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                }
                catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException)
                {
                    return false;
                }

            case JsonValueKind.String when TryGetString(v, out var s):
                var ascii = ToAsciiDigits(s).Trim().Replace(",", "", StringComparison.Ordinal);
                return ascii.Length is > 0 and <= 40 && NumberText().IsMatch(ascii)
                    && decimal.TryParse(ascii, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    /// <summary>The JSON number for a decimal, without trailing zeros (3.50 → 3.5, 3.0 → 3).</summary>
    public static JsonValue NumberNode(decimal value)
    {
        if (value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue)
        {
            return JsonValue.Create((long)value);
        }

        return JsonValue.Create(decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    public static int DecimalPlaces(decimal value)
    {
        var s = value.ToString("0.############################", CultureInfo.InvariantCulture);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : s.Length - dot - 1;
    }

    /// <summary>"1800001", "180-0001", "１８０－０００１", "〒180-0001" → "180-0001"; null when not 7 digits.</summary>
    public static string? NormalizePostalCode(string s)
    {
        var digits = DigitsOnly(s.Trim().TrimStart('〒').Trim());
        return digits is { Length: 7 } ? $"{digits[..3]}-{digits[3..]}" : null;
    }

    /// <summary>Hiragana and half-width katakana to full-width katakana; full-width space to ASCII space, runs of spaces to one.</summary>
    public static string ToKatakana(string s)
    {
        var normalized = Madoguchi.Platform.Text.UnicodeText.NormalizeKC(s);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized.Trim())
        {
            var k = c is >= 'ぁ' and <= 'ゖ' or 'ゝ' or 'ゞ' ? (char)(c + 0x60) : c;
            if (char.IsWhiteSpace(k))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(k);
            }
        }

        return sb.ToString();
    }

    /// <summary>Full-width katakana (ァ–ヺ), the prolonged sound mark ー, the middle dot ・, iteration marks and spaces between words.</summary>
    public static bool IsKatakana(string s) => s.Length > 0 && KatakanaText().IsMatch(s);

    /// <summary>The pattern the schema uses for kana (stricter than the server, which also accepts hiragana and converts it).</summary>
    public const string KatakanaPattern = "^[ァ-ヺー・ヽヾ]+([ 　][ァ-ヺー・ヽヾ]+)*$";

    private static readonly (string Name, string Short, string En, DateOnly Start)[] Eras =
    [
        ("令和", "R", "Reiwa", new DateOnly(2019, 5, 1)),
        ("平成", "H", "Heisei", new DateOnly(1989, 1, 8)),
        ("昭和", "S", "Showa", new DateOnly(1926, 12, 25)),
        ("大正", "T", "Taisho", new DateOnly(1912, 7, 30)),
        ("明治", "M", "Meiji", new DateOnly(1868, 1, 25)),
    ];

    /// <summary>Era names for the date inputs, newest first: (value, 日本語, English).</summary>
    public static IReadOnlyList<(string Value, string Ja, string En)> EraChoices { get; } =
        [.. Eras.Select(e => (e.Short, e.Name, e.En))];

    /// <summary>
    /// Parses a date typed as 2026-11-25, 2026/11/25, 2026年11月25日, 令和8年11月25日, 令和元年5月1日 or R8.11.25
    /// (full-width digits accepted). A 和暦 year must fall inside its era.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var s = ToAsciiDigits(text).Trim();
        if (s.Length > 40)
        {
            return false;
        }

        var m = GregorianDate().Match(s);
        if (m.Success)
        {
            return TryDate(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), out date);
        }

        m = WarekiDate().Match(s);
        if (!m.Success)
        {
            return false;
        }

        var eraText = m.Groups[1].Value.ToUpperInvariant();
        var yearText = m.Groups[2].Value;
        var year = yearText == "元" ? 1 : int.Parse(yearText, CultureInfo.InvariantCulture);
        return TryParseWareki(eraText, year, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), out date);
    }

    /// <summary>A 和暦 date from its parts: era (令和 or R), year of the era, month, day.</summary>
    public static bool TryParseWareki(string era, int year, int month, int day, out DateOnly date)
    {
        date = default;
        var index = Array.FindIndex(Eras, e => e.Name == era || string.Equals(e.Short, era, StringComparison.OrdinalIgnoreCase));
        if (index < 0 || year is < 1 or > 99)
        {
            return false;
        }

        var start = Eras[index].Start;
        if (!TryDate(start.Year + year - 1, month, day, out date))
        {
            return false;
        }

        var end = index == 0 ? DateOnly.MaxValue : Eras[index - 1].Start;
        return date >= start && date < end;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A date answer ("2026-11-25" or any form <see cref="TryParseDate"/> reads).</summary>
    public static bool TryGetDate(JsonNode? node, out DateOnly date)
    {
        date = default;
        return TryGetString(node, out var s) && TryParseDate(s, out date);
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026年11月25日 / 25 November 2026.</summary>
    public static string GregorianText(DateOnly date, bool english) =>
        english ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>令和8年11月25日 (元年 for the first year); null before 明治.</summary>
    public static string? WarekiText(DateOnly date, bool english)
    {
        var calendar = new JapaneseCalendar();
        var dt = date.ToDateTime(TimeOnly.MinValue);
        if (dt < calendar.MinSupportedDateTime)
        {
            return null;
        }

        int era, year;
        try
        {
            era = calendar.GetEra(dt);
            year = calendar.GetYear(dt);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        // JapaneseCalendar numbers eras from 1 = 明治; our table is newest first.
        var index = Eras.Length - era;
        if (index < 0 || index >= Eras.Length)
        {
            return null;
        }

        return english
            ? $"{Eras[index].En} {year}"
            : $"{Eras[index].Name}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
    }

    /// <summary>The era and year of the era for a date (for the era+three inputs), or null before 明治.</summary>
    public static (string Era, int Year)? WarekiParts(DateOnly date)
    {
        for (var i = 0; i < Eras.Length; i++)
        {
            if (date >= Eras[i].Start)
            {
                return (Eras[i].Short, date.Year - Eras[i].Start.Year + 1);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^[ァ-ヺー・ヽヾ]+( [ァ-ヺー・ヽヾ]+)*$")]
    private static partial Regex KatakanaText();

    [GeneratedRegex(@"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$")]
    private static partial Regex GregorianDate();

    [GeneratedRegex(@"^(令和|平成|昭和|大正|明治|[RHSTMrhstm])\s*(元|[0-9]{1,2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$")]
    private static partial Regex WarekiDate();
}
