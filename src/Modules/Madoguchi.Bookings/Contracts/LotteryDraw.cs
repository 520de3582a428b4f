using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Madoguchi.Bookings.Contracts;

/// <summary>The published inputs of a draw: anyone can run <see cref="LotteryDraw.Run"/> on them with the revealed seed.</summary>
public sealed record DrawInputs(
    [property: JsonPropertyName("lottery")] string Lottery,
    [property: JsonPropertyName("maxWinsPerGroup")] int MaxWinsPerGroup,
    [property: JsonPropertyName("slots")] IReadOnlyList<DrawSlot> Slots,
    [property: JsonPropertyName("applications")] IReadOnlyList<DrawApplication> Applications);

/// <summary>A slot by its public label (resource slug and JST start), with how many groups it takes.</summary>
public sealed record DrawSlot([property: JsonPropertyName("slot")] string Slot, [property: JsonPropertyName("capacity")] int Capacity);

/// <summary>A group's wish, by its public registration number.</summary>
public sealed record DrawApplication([property: JsonPropertyName("group")] string Group, [property: JsonPropertyName("preference")] int Preference, [property: JsonPropertyName("slot")] string Slot);

public sealed record DrawWinner([property: JsonPropertyName("group")] string Group, [property: JsonPropertyName("slot")] string Slot, [property: JsonPropertyName("preference")] int Preference);

public sealed record DrawResult(
    [property: JsonPropertyName("inputsSha256")] string InputsSha256,
    [property: JsonPropertyName("order")] IReadOnlyList<string> Order,
    [property: JsonPropertyName("winners")] IReadOnlyList<DrawWinner> Winners);

/// <summary>
/// The lottery draw (抽選), a pure function of the seed and the published inputs (ADR 0033):
/// <list type="number">
/// <item>inputs = the canonical JSON of <see cref="DrawInputs"/> (applications sorted by group,
/// preference, slot; slots by label); h = SHA-256(inputs) in lower-case hex;</item>
/// <item>key = SHA-256(UTF-8(seed hex + ":" + h)), so the result depends on both the seed committed
/// before applications opened and every application;</item>
/// <item>each group's ticket = HMAC-SHA256(key, UTF-8("ticket:" + group)); groups are ordered by
/// ticket (bytes ascending, then group number);</item>
/// <item>for preference rank 1, 2, …: each group in ticket order that has fewer than
/// maxWinsPerGroup wins and has a wish of that rank whose slot still has room wins it.</item>
/// </list>
/// Every group has the same chance of every position (HMAC of an unknown key), a group never wins
/// more than the limit nor the same slot twice, and a slot never gets more winners than its capacity.
/// </summary>
public static class LotteryDraw
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    /// <summary>Sorts the inputs into their canonical order (the published form).</summary>
    public static DrawInputs Canonicalize(DrawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs with
        {
            Slots = [.. inputs.Slots.OrderBy(s => s.Slot, StringComparer.Ordinal)],
            Applications = [.. inputs.Applications.OrderBy(a => a.Group, StringComparer.Ordinal).ThenBy(a => a.Preference).ThenBy(a => a.Slot, StringComparer.Ordinal)],
        };
    }

    public static string Serialize(DrawInputs inputs) => JsonSerializer.Serialize(Canonicalize(inputs), Canonical);

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The public commitment to a seed: SHA-256 of its hex text (<c>printf %s SEED | sha256sum</c>).</summary>
    public static string Commitment(string seedHex) => Sha256Hex(seedHex);

    public static DrawResult Run(string seedHex, DrawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(seedHex);
        var canonical = Canonicalize(inputs);
        var inputsHash = Sha256Hex(Serialize(canonical));
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(seedHex + ":" + inputsHash));
        var order = canonical.Applications.Select(a => a.Group).Distinct(StringComparer.Ordinal)
            .Select(g => (Group: g, Ticket: HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("ticket:" + g))))
            .OrderBy(t => Convert.ToHexStringLower(t.Ticket), StringComparer.Ordinal).ThenBy(t => t.Group, StringComparer.Ordinal)
            .Select(t => t.Group)
            .ToList();
        var room = canonical.Slots.ToDictionary(s => s.Slot, s => s.Capacity, StringComparer.Ordinal);
        var wins = order.ToDictionary(g => g, _ => 0, StringComparer.Ordinal);
        var won = new HashSet<(string, string)>();
        var winners = new List<DrawWinner>();
        var ranks = canonical.Applications.Select(a => a.Preference).Distinct().Order().ToList();
        foreach (var rank in ranks)
        {
            foreach (var group in order)
            {
                if (wins[group] >= canonical.MaxWinsPerGroup)
                {
                    continue;
                }

                foreach (var wish in canonical.Applications.Where(a => a.Group == group && a.Preference == rank))
                {
                    if (room.GetValueOrDefault(wish.Slot) > 0 && won.Add((group, wish.Slot)))
                    {
                        room[wish.Slot]--;
                        wins[group]++;
                        winners.Add(new DrawWinner(group, wish.Slot, rank));
                        break;
                    }
                }
            }
        }

        return new DrawResult(inputsHash, order, winners);
    }
}
