using System.Text;
using CsCheck;
using Ical.Net.Serialization;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;

namespace Madoguchi.Tests.Properties;

/// <summary>
/// iCalendar (.ics) output with any names and places (commas, semicolons, backslashes, line breaks, emoji):
/// a calendar reads back the same text, and every line is folded to at most 75 octets (RFC 5545 3.1).
/// </summary>
public sealed class IcsProperties
{
    private static readonly Gen<string> Title = Gen.Frequency(
        (2, Fuzz.Text),
        (3, Gen.Char["あ会議室,;:\\\r\n\"🎉 A-z𠮷"].Array[1, 120].Select(c => new string(c))));

    /// <summary>What a person can type into a name or place: no lone surrogates, no control characters but line breaks (the forms refuse the rest).</summary>
    private static string Representable(string s)
    {
        var kept = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                kept.Append(s, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(s[i]) && (!char.IsControl(s[i]) || s[i] is '\r' or '\n'))
            {
                kept.Append(s[i]);
            }
        }

        return kept.ToString();
    }

    [Fact]
    public void AnyTitleAndLocation_ReadBackTheSame_OnLinesOfAtMost75Octets()
    {
        Gen.Select(Title.Select(Representable), Title.Select(Representable), Title.Select(Representable)).Sample((title, location, name) =>
        {
            var resource = new Resource { Slug = "room", NameJa = title, NameEn = "Room", LocationJa = location };
            var start = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
            var reservation = new Reservation
            {
                Id = Guid.NewGuid(),
                Reference = "B-2026-000001",
                Name = name,
                Email = "a@example.jp",
                PersonKey = "k",
                ManageTokenHash = "h",
                ManageTokenProtected = "p",
                StartsAt = start,
                EndsAt = start.AddHours(1),
                Status = ReservationStatus.Confirmed,
            };
            var ics = IcsBuilder.ForReservation(reservation, resource, "MSN", "武蔵野市, 東京都; \"市役所\"", "https://musashino.example/bookings/manage/abc", start);
            foreach (var line in ics.Split("\r\n"))
            {
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
            }

            var parsed = Ical.Net.Calendar.Load(ics)!;
            var e = Assert.Single(parsed.Events);
            Assert.Equal(Lines($"{title} / Room（武蔵野市, 東京都; \"市役所\"）"), Lines(e.Summary));
            Assert.Equal(Lines(location), Lines(e.Location));
            var feed = Ical.Net.Calendar.Load(IcsBuilder.Feed(resource, [reservation], "MSN", "武蔵野市", start))!;
            Assert.Equal(Lines($"B-2026-000001 {name}（{title}）"), Lines(Assert.Single(feed.Events).Summary));
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(4), threads: Fuzz.Threads);
    }

    /// <summary>iCalendar has one line break (\n): a CR LF or lone CR typed by a person reads back as \n.</summary>
    private static string Lines(string? s) => (s ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
