using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.PostalCodes;

/// <summary>Musashino's postal codes (〒180-0000 and the towns 180-0001 to 180-0023).</summary>
internal sealed class PostalCodesDemoContent : IDemoContent
{
    public static readonly IReadOnlyList<(string Code, string Address)> Musashino =
    [
        ("1800000", "東京都武蔵野市"),
        ("1800001", "東京都武蔵野市吉祥寺北町"),
        ("1800002", "東京都武蔵野市吉祥寺東町"),
        ("1800003", "東京都武蔵野市吉祥寺南町"),
        ("1800004", "東京都武蔵野市吉祥寺本町"),
        ("1800005", "東京都武蔵野市御殿山"),
        ("1800006", "東京都武蔵野市中町"),
        ("1800011", "東京都武蔵野市八幡町"),
        ("1800012", "東京都武蔵野市緑町"),
        ("1800013", "東京都武蔵野市西久保"),
        ("1800014", "東京都武蔵野市関前"),
        ("1800021", "東京都武蔵野市桜堤"),
        ("1800022", "東京都武蔵野市境"),
        ("1800023", "東京都武蔵野市境南町"),
    ];

    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<PostalCode>().Select(p => p.Code).ToListAsync(cancellationToken);
        foreach (var (code, address) in Musashino.Where(p => !existing.Contains(p.Code)))
        {
            db.Add(new PostalCode { Id = Guid.NewGuid(), Code = code, Address = address });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
