using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Madoguchi.Payments.Webhooks;

/// <summary>
/// Signed webhooks: header <c>Madoguchi-Signature: t={unix seconds},v1={hex HMAC-SHA256}</c> over
/// <c>"{t}.{raw body}"</c> with the organisation's secret. The timestamp is inside the signature, so an
/// old request cannot be replayed with a new time; requests older than five minutes are refused.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Madoguchi-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Hex(secret, timestamp, body)}";
    }

    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(header))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (timestamp is not { } ts || signatures.Count == 0 || Math.Abs(now.ToUnixTimeSeconds() - ts) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hex(secret, ts, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }

    private static string Hex(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
