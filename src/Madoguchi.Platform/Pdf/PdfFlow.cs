using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Madoguchi.Platform.Pdf;

/// <summary>
/// Text that flows down A4 pages: paragraphs, label/value rows and headings, wrapped by width and moved to a
/// new page when they do not fit. PDFsharp's own <c>XTextFormatter</c> breaks lines only at spaces, which
/// Japanese text does not have; this breaks between any two characters, at a space when there is one (English),
/// and never puts 、。）」 and the like at the start of a line (禁則, by letting them hang).
/// </summary>
public sealed class PdfFlow : IDisposable
{
    /// <summary>Line height as a multiple of the font size (読みやすさ: 1.5 for Japanese body text).</summary>
    public const double LineSpacing = 1.5;

    private const string NoLineStart = "、。，．,.)）」』】〕〉》！？!?ー・：；:;ぁぃぅぇぉっゃゅょァィゥェォッャュョ々ゝゞヽヾ";

    private readonly PdfDocument document;
    private readonly Dictionary<(double, bool), XFont> fonts = [];
    private XGraphics? graphics;

    public PdfFlow(PdfDocument document, double margin = 50)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfFonts.EnsureRegistered();
        this.document = document;
        Margin = margin;
        NewPage();
    }

    public double Margin { get; }

    /// <summary>Where the next thing is drawn, from the top of the page, in points.</summary>
    public double Y { get; set; }

    public double Left => Margin;

    public double Width => Page.Width.Point - (2 * Margin);

    public double Bottom => Page.Height.Point - Margin - 20;

    public PdfPage Page { get; private set; } = null!;

    public XGraphics Graphics => graphics!;

    public XFont Font(double size, bool bold = false)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = PdfFonts.Font(size, bold);
            fonts[(size, bold)] = font;
        }

        return font;
    }

    /// <summary>Starts a new page when less than <paramref name="height"/> points are left on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Space(double points) => Y += points;

    /// <summary>A thin line across the text width.</summary>
    public void Rule(XColor? color = null)
    {
        Need(4);
        Graphics.DrawLine(new XPen(color ?? XColors.Gray, 0.5), Left, Y, Left + Width, Y);
        Y += 4;
    }

    /// <summary>A wrapped paragraph; returns its height.</summary>
    public double Paragraph(string text, double size = 10.5, bool bold = false, double indent = 0, XColor? color = null)
    {
        var font = Font(size, bold);
        var lines = Wrap(text, font, Width - indent);
        var lineHeight = size * LineSpacing;
        var brush = new XSolidBrush(color ?? XColors.Black);
        foreach (var line in lines)
        {
            Need(lineHeight);
            Graphics.DrawString(line, font, brush, Left + indent, Y, XStringFormats.TopLeft);
            Y += lineHeight;
        }

        return lines.Count * lineHeight;
    }

    /// <summary>
    /// A label and its value side by side (the value wrapped in its column); rows too long for one page
    /// continue on the next with the label repeated.
    /// </summary>
    public void Row(string label, string value, double labelWidth, double size = 10.5, double indent = 0, bool boldValue = false)
    {
        var labelFont = Font(size, bold: true);
        var valueFont = Font(size, boldValue);
        var lineHeight = size * LineSpacing;
        var gap = 8;
        var labelLines = Wrap(label, labelFont, labelWidth - gap);
        var valueLines = Wrap(value, valueFont, Width - indent - labelWidth);
        var count = Math.Max(labelLines.Count, valueLines.Count);
        Need(Math.Min(count, 3) * lineHeight);
        for (var i = 0; i < count; i++)
        {
            if (Y + lineHeight > Bottom)
            {
                NewPage();
            }

            if (i < labelLines.Count)
            {
                Graphics.DrawString(labelLines[i], labelFont, XBrushes.Black, Left + indent, Y, XStringFormats.TopLeft);
            }

            if (i < valueLines.Count)
            {
                Graphics.DrawString(valueLines[i], valueFont, XBrushes.Black, Left + indent + labelWidth, Y, XStringFormats.TopLeft);
            }

            Y += lineHeight;
        }

        Graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Left + indent, Y + 1, Left + Width, Y + 1);
        Y += 4;
    }

    /// <summary>Lines of <paramref name="text"/> no wider than <paramref name="width"/> (each "\n" starts a line).</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in WithoutVariationSelectors(text).ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            var breakAfterSpace = -1;
            var elements = StringInfo.GetTextElementEnumerator(paragraph);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var isSpace = string.IsNullOrWhiteSpace(element);
                if (line.Length > 0 && !isSpace && !NoLineStart.Contains(element, StringComparison.Ordinal)
                    && Graphics.MeasureString(line + element, font).Width > width)
                {
                    if (breakAfterSpace > 0 && IsLatin(element))
                    {
                        // English: carry the unfinished word to the next line.
                        lines.Add(line.ToString(0, breakAfterSpace).TrimEnd());
                        line.Remove(0, breakAfterSpace);
                    }
                    else
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                    }

                    breakAfterSpace = -1;
                }

                if (isSpace && line.Length == 0 && lines.Count > 0)
                {
                    continue;
                }

                line.Append(element);
                if (isSpace)
                {
                    breakAfterSpace = line.Length;
                }
                else if (!IsLatin(element))
                {
                    // A line may break after any Japanese character; only a Latin word keeps together.
                    breakAfterSpace = -1;
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Draws the footer on every page (with the page number and count), once all pages exist.</summary>
    public void Footer(Func<int, int, string> text, double size = 8)
    {
        ArgumentNullException.ThrowIfNull(text);
        graphics?.Dispose();
        graphics = null;
        var font = Font(size);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 4;
            g.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y - 4, page.Width.Point - Margin, y - 4);
            g.DrawString(text(i + 1, document.PageCount), font, XBrushes.DimGray, Margin, y, XStringFormats.TopLeft);
        }
    }

    public void Dispose() => graphics?.Dispose();

    /// <summary>
    /// 異体字セレクタ (U+FE00–FE0F, U+E0100–E01EF) removed: the font cannot apply them and would draw each as an empty
    /// box after its kanji; the base character stays (葛󠄀 prints as 葛). The answers keep them; only the drawing drops them.
    /// </summary>
    public static string WithoutVariationSelectors(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c is >= '\uFE00' and <= '\uFE0F' or '\uDB40'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '\uFE00' and <= '\uFE0F')
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.ConvertToUtf32(text[i], text[i + 1]) is >= 0xE0100 and <= 0xE01EF)
            {
                i++;
                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    private static bool IsLatin(string element) => element.Length > 0 && element[0] < 0x2E80 && !char.IsWhiteSpace(element[0]);

    private void NewPage()
    {
        graphics?.Dispose();
        Page = document.AddPage();
        Page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(Page);
        Y = Margin;
    }
}
