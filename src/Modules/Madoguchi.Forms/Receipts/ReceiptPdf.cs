using System.Globalization;
using Madoguchi.Forms.Engine;
using Madoguchi.Platform.Pdf;
using Microsoft.Net.Http.Headers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Madoguchi.Forms.Receipts;

/// <summary>What goes on a receipt PDF, every string already in the reader's language.</summary>
internal sealed record ReceiptPdfContent(
    string CityName,
    string Title,
    string ReceiptNumberLabel,
    string ReceiptNumber,
    IReadOnlyList<(string Label, string Value)> Facts,
    string StatusUrlLabel,
    string StatusUrl,
    string StatusUrlNote,
    string AnswersTitle,
    string AnswersNote,
    IReadOnlyList<(string Heading, IReadOnlyList<SummaryRow> Rows)> Sections,
    string NextTitle,
    string NextText,
    string ContactTitle,
    string ContactText,
    string Footer,
    bool English);

/// <summary>
/// 申請受付控え as a PDF (A4, IPAexGothic subset embedded, text selectable and searchable): the same facts and
/// answers as the status page, from the same <see cref="SummaryRow"/>s (hidden fields left out, My Number masked,
/// files by name), plus the status URL as text and QR code.
/// </summary>
internal static class ReceiptPdf
{
    private const double LabelWidth = 150;

    public static byte[] Render(ReceiptPdfContent content)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{content.Title} {content.ReceiptNumber}";
        document.Info.Author = content.CityName;
        document.Info.Creator = "Madoguchi";
        document.Language = content.English ? "en" : "ja";

        using (var flow = new PdfFlow(document))
        {
            flow.Paragraph(content.CityName, 11, color: XColors.DimGray);
            flow.Paragraph(content.Title, 20, bold: true);
            flow.Space(6);

            // The receipt number large, to read out over the phone.
            var boxTop = flow.Y;
            flow.Space(8);
            flow.Paragraph(content.ReceiptNumberLabel, 10, indent: 12);
            flow.Paragraph(content.ReceiptNumber, 24, bold: true, indent: 12);
            flow.Space(4);
            flow.Graphics.DrawRectangle(new XPen(XColors.Black, 1.5), flow.Left, boxTop, flow.Width, flow.Y - boxTop);
            flow.Space(12);

            foreach (var (label, value) in content.Facts)
            {
                flow.Row(label, value, LabelWidth);
            }

            flow.Space(10);
            StatusUrl(flow, content);

            flow.Space(12);
            flow.Paragraph(content.NextTitle, 13, bold: true);
            flow.Paragraph(content.NextText);
            flow.Space(6);
            flow.Paragraph(content.ContactTitle, 13, bold: true);
            flow.Paragraph(content.ContactText);

            flow.Space(12);
            flow.Need(60);
            flow.Paragraph(content.AnswersTitle, 13, bold: true);
            flow.Paragraph(content.AnswersNote, 9, color: XColors.DimGray);
            foreach (var (heading, rows) in content.Sections)
            {
                flow.Space(6);
                flow.Need(40);
                flow.Paragraph(heading, 11.5, bold: true);
                flow.Rule();
                foreach (var row in rows)
                {
                    Answer(flow, row, 0, content.English);
                }
            }

            flow.Footer((page, pages) => $"{content.Footer}    {page} / {pages}");
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// <c>Content-Disposition</c> for the download: an ASCII <c>filename</c> (receipt-MSN-2026-000123.pdf) for
    /// old clients and a UTF-8 <c>filename*</c> (受付控え_MSN-2026-000123.pdf) for the rest.
    /// </summary>
    public static string ContentDisposition(string receiptNumber, bool english)
    {
        var ascii = new string([.. receiptNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
        var header = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"receipt-{ascii}.pdf",
            FileNameStar = english ? $"receipt-{ascii}.pdf" : $"受付控え_{ascii}.pdf",
        };
        return header.ToString();
    }

    /// <summary>受付日時 in Japan time with both calendars: 令和8年12月7日 14:05（2026年12月7日）日本時間.</summary>
    public static string ReceivedAt(DateTime japanTime, bool english)
    {
        var date = DateOnly.FromDateTime(japanTime);
        var time = japanTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var wareki = AnswerText.WarekiText(date, english);
        return english
            ? $"{AnswerText.GregorianText(date, english: true)}, {time} Japan time (JST){(wareki is null ? "" : $" ({wareki})")}"
            : $"{wareki ?? AnswerText.GregorianText(date, english: false)} {time}（{AnswerText.GregorianText(date, english: false)}）日本時間";
    }

    private static void StatusUrl(PdfFlow flow, ReceiptPdfContent content)
    {
        const double qrSize = 84;
        flow.Need(qrSize + 8);
        var top = flow.Y;
        QrCode(flow.Graphics, content.StatusUrl, flow.Left + flow.Width - qrSize, top, qrSize);

        // Text to the left of the code: the URL wraps anywhere (it has no spaces).
        var font = flow.Font(10.5, bold: true);
        var textWidth = flow.Width - qrSize - 12;
        var y = top;
        foreach (var line in flow.Wrap(content.StatusUrlLabel, font, textWidth))
        {
            flow.Graphics.DrawString(line, font, XBrushes.Black, flow.Left, y, XStringFormats.TopLeft);
            y += 10.5 * PdfFlow.LineSpacing;
        }

        var mono = flow.Font(9.5);
        foreach (var line in flow.Wrap(content.StatusUrl, mono, textWidth))
        {
            flow.Graphics.DrawString(line, mono, XBrushes.Black, flow.Left, y, XStringFormats.TopLeft);
            y += 9.5 * PdfFlow.LineSpacing;
        }

        var small = flow.Font(9);
        foreach (var line in flow.Wrap(content.StatusUrlNote, small, textWidth))
        {
            flow.Graphics.DrawString(line, small, XBrushes.DimGray, flow.Left, y, XStringFormats.TopLeft);
            y += 9 * PdfFlow.LineSpacing;
        }

        flow.Y = Math.Max(y, top + qrSize) + 4;
    }

    private static void Answer(PdfFlow flow, SummaryRow row, int depth, bool english)
    {
        var indent = depth * 14;
        flow.Row(row.Label(english), row.Value(english), LabelWidth - indent, indent: indent);
        foreach (var child in row.Children)
        {
            Answer(flow, child, depth + 1, english);
        }
    }

    /// <summary>The QR code as filled squares (vector: sharp at any zoom and in print, no image decoder needed).</summary>
    private static void QrCode(XGraphics graphics, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var module = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                {
                    // A hair larger than the module so neighbours do not show seams between them.
                    graphics.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }
}
