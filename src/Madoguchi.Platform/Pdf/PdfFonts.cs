using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Madoguchi.Platform.Pdf;

/// <summary>
/// The one font every generated PDF uses: IPAexGothic (IPA Font License v1.0, see Fonts/README.md), shipped
/// inside this assembly so that a fresh machine with no CJK fonts makes the same PDFs. PDFsharp's font resolver
/// is process-wide and must always be the same instance, so it is set once here, before any font is used.
/// </summary>
public static class PdfFonts
{
    /// <summary>The family name to give <see cref="XFont"/>; any other name resolves to the same face.</summary>
    public const string Family = "IPAexGothic";

    private const string ResourceName = "Madoguchi.Platform.Pdf.Fonts.ipaexg.ttf";

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Unicode encoding and a subset of the glyphs used, so Japanese text is searchable and the file small.</summary>
    public static XPdfFontOptions Options { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    /// <summary>Registers the resolver (idempotent, thread-safe). Call before creating any <see cref="XFont"/>.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            // Another part of the process may have set ours already (the property keeps the first instance).
            if (GlobalFontSettings.FontResolver is not Resolver)
            {
                GlobalFontSettings.FontResolver = Resolver.Instance;
            }

            registered = true;
        }
    }

    /// <summary>A font of the family at a size; bold is simulated (IPAexGothic has one weight).</summary>
    public static XFont Font(double size, bool bold = false)
    {
        EnsureRegistered();
        return new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Options);
    }

    private sealed class Resolver : IFontResolver
    {
        public static readonly Resolver Instance = new();

        private readonly Lazy<byte[]> bytes = new(Load);

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(Family, bold, italic);

        public byte[] GetFont(string faceName) => bytes.Value;

        private static byte[] Load()
        {
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The font resource {ResourceName} is missing from {typeof(PdfFonts).Assembly.GetName().Name}.");
            using var memory = new MemoryStream((int)stream.Length);
            stream.CopyTo(memory);
            return memory.ToArray();
        }
    }
}
