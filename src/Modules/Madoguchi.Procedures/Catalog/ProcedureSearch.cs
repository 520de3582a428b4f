using System.Globalization;
using System.Text;

namespace Madoguchi.Procedures.Catalog;

/// <summary>
/// Search over the published procedures of one organisation. Japanese has no spaces between words,
/// so matching is by substring after normalisation: NFKC (full-width → half-width), lower case, and
/// katakana → hiragana, so that 「じゅうみんひょう」「ジュウミンヒョウ」 and 「住民票」 (via keywords) all find it.
/// Every query word must match; title matches rank first.
/// </summary>
public static class ProcedureSearch
{
    public static IReadOnlyList<Procedure> Search(IEnumerable<Procedure> procedures, string? query, bool english)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var terms = Normalize(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0)
        {
            return [.. procedures.OrderBy(p => p.Title(english), StringComparer.Ordinal)];
        }

        return [.. procedures
            .Select(p => (Procedure: p, Title: Normalize(p.TitleJa + " " + p.TitleEn), Text: Normalize($"{p.SummaryJa} {p.SummaryEn} {p.AudienceJa} {p.AudienceEn} {p.Keywords}")))
            .Where(x => terms.All(t => x.Title.Contains(t, StringComparison.Ordinal) || x.Text.Contains(t, StringComparison.Ordinal)))
            .OrderByDescending(x => terms.Count(t => x.Title.Contains(t, StringComparison.Ordinal)))
            .ThenBy(x => x.Procedure.Title(english), StringComparer.Ordinal)
            .Select(x => x.Procedure)];
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Madoguchi.Platform.Text.UnicodeText.NormalizeKC(text).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            // Katakana ァ (U+30A1) … ヶ (U+30F6) → hiragana ぁ (U+3041) …; the long-vowel mark stays.
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : char.IsWhiteSpace(c) || c == '\u3000' ? ' ' : c);
        }

        return builder.ToString();
    }
}
