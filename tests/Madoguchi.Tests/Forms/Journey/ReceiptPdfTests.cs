using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Engine;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.Tests.Forms.Journey;

/// <summary>
/// 受付控え (PDF): downloaded from the status page's link, it is a real PDF whose extracted text holds the receipt
/// number and the answers in Japanese (IPAexGothic embedded as a subset), with hidden answers left out and My Number
/// masked; only the status token opens it; English readers get English labels.
/// </summary>
public sealed class ReceiptPdfTests
{
    private const string Host = "musashino.localhost";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The test form with a My Number field on the first step.</summary>
    private static readonly string Definition = TestForms.Definition.Replace(
        "{ \"id\": \"email\", \"type\": \"email\",",
        "{ \"id\": \"myNumber\", \"type\": \"myNumber\", \"label\": { \"ja\": \"個人番号\", \"en\": \"My Number\" }, \"required\": true },\n{ \"id\": \"email\", \"type\": \"email\",",
        StringComparison.Ordinal);

    private static readonly string FullMyNumber = "73920514863" + MyNumber.CheckDigit("73920514863");

    [Fact]
    public async Task ReceiptPdf_FromTheStatusPageLink_HasTheReceiptNumberAndJapaneseAnswers_HiddenLeftOut_MyNumberMasked()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateDefaultClient(new Uri($"http://{Host}"));
        var (statusPath, receiptNumber) = await SubmitAsync(app, client);

        // The link is on the receipt page (where the journey ends) and is a plain link (no script needed).
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(statusPath + "?submitted=true", UriKind.Relative), Ct));
        var link = page.QuerySelector("a#receipt-pdf")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.Contains("PDFで保存", page.QuerySelector("a#receipt-pdf")!.TextContent, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal($"receipt-{receiptNumber}.pdf", disposition!.FileName?.Trim('"'));
        Assert.Equal($"受付控え_{receiptNumber}.pdf", disposition.FileNameStar);

        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        if (Environment.GetEnvironmentVariable("MADOGUCHI_RECEIPT_PDF_OUT") is { Length: > 0 } output)
        {
            await File.WriteAllBytesAsync(output, bytes, Ct);
        }

        // A subset of the font, not the 6 MB font file.
        Assert.True(bytes.Length < 200_000, $"the PDF is {bytes.Length} bytes");
        var text = PdfText(bytes, out var fonts);
        Assert.Contains(fonts, f => f.Contains("IPAexGothic", StringComparison.Ordinal));
        Assert.Contains(receiptNumber, text, StringComparison.Ordinal);
        Assert.Contains("申請受付控え", text, StringComparison.Ordinal);
        Assert.Contains("武蔵野 太郎", text, StringComparison.Ordinal);
        Assert.Contains("勤務先に提出", text, StringComparison.Ordinal);
        Assert.Contains("平成2年4月1日", text, StringComparison.Ordinal);
        Assert.Contains("武蔵野 花子", text, StringComparison.Ordinal);
        Assert.Contains("600円", text, StringComparison.Ordinal);
        Assert.Contains("令和", text, StringComparison.Ordinal);
        Assert.Contains("このあとの流れ", text, StringComparison.Ordinal);
        Assert.Contains("市民課", text, StringComparison.Ordinal);
        Assert.Contains(statusPath, text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(MyNumber.Mask(FullMyNumber), text, StringComparison.Ordinal);
        Assert.DoesNotContain(FullMyNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("隠れた使いみち", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptPdf_WithAGuessedTokenOrTheReceiptNumber_Gets404AndNoPdf()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateDefaultClient(new Uri($"http://{Host}"));
        var (statusPath, receiptNumber) = await SubmitAsync(app, client);
        var token = statusPath["/status/".Length..];
        var guesses = new[]
        {
            "/status/" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
            "/status/" + (token[0] == 'A' ? 'B' : 'A') + token[1..],
            "/status/" + receiptNumber,
        };
        foreach (var guess in guesses)
        {
            using var response = await client.GetAsync(new Uri(guess + "?handler=pdf", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.False(body.AsSpan().StartsWith("%PDF"u8), guess);
            Assert.DoesNotContain("武蔵野 太郎", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReceiptPdf_InEnglish_HasEnglishLabels()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateDefaultClient(new Uri($"http://{Host}"));
        var (statusPath, receiptNumber) = await SubmitAsync(app, client);

        using var response = await client.GetAsync(new Uri(statusPath + "?handler=pdf&culture=en&ui-culture=en", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"receipt-{receiptNumber}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        if (Environment.GetEnvironmentVariable("MADOGUCHI_RECEIPT_PDF_OUT") is { Length: > 0 } output)
        {
            await File.WriteAllBytesAsync(output + ".en.pdf", bytes, Ct);
        }

        var text = PdfText(bytes, out _);
        Assert.Contains("Application receipt", text, StringComparison.Ordinal);
        Assert.Contains("Receipt number", text, StringComparison.Ordinal);
        Assert.Contains("For my employer", text, StringComparison.Ordinal);
        Assert.Contains("Your answers", text, StringComparison.Ordinal);
        Assert.Contains("What happens next", text, StringComparison.Ordinal);
        Assert.Contains("1 April 1990", text, StringComparison.Ordinal);
        Assert.Contains(receiptNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("申請受付控え", text, StringComparison.Ordinal);
        Assert.DoesNotContain("勤務先に提出", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptPdf_WithCharactersTheFontLacks_StillRenders()
    {
        // 𠮷 (JIS X 0213, outside IPAexGothic) and 葛 with an ideographic variation selector: the PDF is made
        // (a missing glyph shows as an empty box), the selector is dropped rather than drawn as a box after 葛.
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateDefaultClient(new Uri($"http://{Host}"));
        var (statusPath, receiptNumber) = await SubmitAsync(app, client, family: "𠮷田葛\U000E0100城");

        using var response = await client.GetAsync(new Uri(statusPath + "?handler=pdf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        if (Environment.GetEnvironmentVariable("MADOGUCHI_RECEIPT_PDF_OUT") is { Length: > 0 } output)
        {
            await File.WriteAllBytesAsync(output + ".gaiji.pdf", bytes, Ct);
        }

        var text = PdfText(bytes, out _);
        Assert.Contains(receiptNumber, text, StringComparison.Ordinal);
        Assert.Contains("田葛城 太郎", text, StringComparison.Ordinal);
    }

    private static async Task<(string StatusPath, string ReceiptNumber)> SubmitAsync(MadoguchiApp app, HttpClient client, string family = "武蔵野")
    {
        await TestForms.PublishAsync(app, Definition);
        var answers = JsonNode.Parse(TestForms.ValidAnswers())!.AsObject();
        answers["applicantName"]!["family"] = family;
        answers["myNumber"] = FullMyNumber;
        answers["purposeOther"] = "隠れた使いみち"; // shown only when purpose is "other": never on the receipt
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent(new JsonObject { ["answers"] = answers }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await client.SendAsync(submit, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (new Uri(body["statusUrl"]!.GetValue<string>()).AbsolutePath, body["receiptNumber"]!.GetValue<string>());
    }

    /// <summary>The text of every page as PdfPig extracts it (lines joined by newlines), and the fonts used.</summary>
    private static string PdfText(byte[] bytes, out IReadOnlyList<string> fonts)
    {
        Assert.True(bytes.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = new StringBuilder();
        var names = new HashSet<string>();
        foreach (var page in document.GetPages())
        {
            foreach (var line in page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)))
            {
                text.AppendJoin("", line.Select(l => l.Value)).Append('\n');
            }

            foreach (var letter in page.Letters)
            {
                names.Add(letter.FontName ?? "");
            }
        }

        fonts = [.. names];
        return text.ToString();
    }
}
