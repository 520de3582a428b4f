using CsCheck;
using Madoguchi.Forms.Uploads;

namespace Madoguchi.Tests.Properties;

/// <summary>Upload type detection by content: random bytes are never taken for PDF, PNG or JPEG unless they start with its magic number.</summary>
public sealed class UploadTypeProperties
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (3, Gen.Byte.Array[0, 64]),
        (1, Gen.Select(Gen.OneOf(Pdf, Jpeg, Png), Gen.Byte.Array[0, 32], Gen.Int[0, 8], (magic, rest, cut) =>
            magic.Take(Math.Max(0, magic.Length - cut)).Concat(rest).ToArray())));

    [Fact]
    public void RandomBytes_AreDetectedOnlyByTheirMagicNumber()
    {
        Bytes.Sample(bytes =>
        {
            var type = UploadStore.Sniff(bytes);
            var expected = bytes.AsSpan().StartsWith(Pdf) ? "application/pdf"
                : bytes.AsSpan().StartsWith(Jpeg) ? "image/jpeg"
                : bytes.AsSpan().StartsWith(Png) ? "image/png"
                : null;
            Assert.Equal(expected, type);
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }
}
