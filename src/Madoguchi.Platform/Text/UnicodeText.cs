using System.Text;

namespace Madoguchi.Platform.Text;

/// <summary>Unicode normalisation that never throws on what people (or clients) send.</summary>
public static class UnicodeText
{
    /// <summary>
    /// NFKC (全角英数 → 半角, 半角カナ → 全角) of any string. A lone surrogate (possible in JSON as "\ud800") makes
    /// <see cref="string.Normalize(NormalizationForm)"/> throw; it becomes U+FFFD instead, which every check then
    /// refuses as an ordinary wrong character (found by the answers property test).
    /// </summary>
    public static string NormalizeKC(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKC);
        }
    }
}
