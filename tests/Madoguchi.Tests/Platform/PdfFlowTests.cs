using Madoguchi.Platform.Pdf;
using PdfSharp.Pdf;

namespace Madoguchi.Tests.Platform;

/// <summary>Line breaking of generated PDFs: Japanese between any two characters (never 、。 at a line start), English at spaces.</summary>
public sealed class PdfFlowTests
{
    private const string Japanese = "担当課が内容を確認します。書類の追加や修正が必要な場合は、メールでお知らせします。お問い合わせの際は受付番号をお伝えください。";

    [Fact]
    public void Wrap_Japanese_FitsTheWidth_KeepsEveryCharacter_AndNoLineStartsWithPunctuation()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document);
        var font = flow.Font(10.5);

        var lines = flow.Wrap(Japanese, font, 120);

        Assert.True(lines.Count >= 4, $"{lines.Count} lines");
        Assert.Equal(Japanese, string.Concat(lines));
        Assert.All(lines, line => Assert.DoesNotMatch("^[、。）」]", line));
        // A character that may not start a line hangs past the width by itself; nothing else overruns.
        Assert.All(lines, line => Assert.True(flow.Graphics.MeasureString(line[..^1], font).Width <= 120, line));
    }

    [Fact]
    public void Wrap_English_BreaksAtSpaces_AndKeepsWordsWhole()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document);
        var font = flow.Font(10.5);
        const string english = "The department checks your application. If anything needs to be added or corrected, we will email you.";

        var lines = flow.Wrap(english, font, 150);

        Assert.True(lines.Count >= 3, $"{lines.Count} lines");
        Assert.Equal(english, string.Join(' ', lines));
        Assert.All(lines, line => Assert.True(flow.Graphics.MeasureString(line, font).Width <= 150, line));
    }

    [Fact]
    public void Wrap_KeepsLineBreaks_AndBreaksAUrlWithoutSpacesAnywhere()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document);
        var font = flow.Font(9.5);
        const string url = "http://musashino.localhost/status/wY4dNQODkyGRS_jb_BU6XGDo4v7YfGHm6xnSUxG2jWw";

        Assert.Equal(["一行目", "二行目"], flow.Wrap("一行目\n二行目", font, 400));
        var lines = flow.Wrap(url, font, 100);
        Assert.True(lines.Count >= 3, $"{lines.Count} lines");
        Assert.Equal(url, string.Concat(lines));
    }
}
