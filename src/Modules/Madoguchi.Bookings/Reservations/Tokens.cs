using System.Security.Cryptography;
using System.Text;

namespace Madoguchi.Bookings.Reservations;

/// <summary>Unguessable tokens (manage links, holds, offers) and readable references.</summary>
public static class Tokens
{
    // Crockford-style alphabet without 0/O, 1/I/L, U: easy to read out at a counter.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>256 random bits, base64url: what a manage, hold or offer link carries.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>e.g. <c>R-7K3Q-9XTZ</c>: 8 characters of 30, about 39 bits; unique per organisation by index.</summary>
    public static string NewReference(char prefix = 'R')
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        }

        return $"{prefix}-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Who a person is for limits and the waitlist: SHA-256 of the trimmed, lower-cased email.</summary>
    public static string PersonKey(string email) => Hash((email ?? "").Trim().ToLowerInvariant());

    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash ?? ""));
}
