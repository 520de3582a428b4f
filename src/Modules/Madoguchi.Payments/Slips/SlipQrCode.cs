using System.Globalization;
using QRCoder;

namespace Madoguchi.Payments.Slips;

/// <summary>
/// The QR code on a payment slip (納付書). OUR OWN FORMAT until the eL-QR specification (the national
/// QR code for public funds) is available to implement:
/// <c>MADOGUCHI-PAY/1|{organisation}|{payment number}|{amount yen}|{reference}</c>.
/// Rendered as a PNG data URL (the CSP allows <c>img-src data:</c>; no inline script or style).
/// </summary>
public static class SlipQrCode
{
    public const string Format = "MADOGUCHI-PAY/1";

    public static string Payload(string organizationCode, string paymentNumber, long amountYen, string reference) =>
        string.Join('|', Format, organizationCode, paymentNumber, amountYen.ToString(CultureInfo.InvariantCulture), reference);

    public static string PngDataUrl(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
