using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Data;

namespace Madoguchi.IntegrationTests.Accounts;

/// <summary>A row of each 住民アカウント entity for the organisation in scope (for the tenancy test).</summary>
internal static class AccountsTenancySeed
{
    public static async Task SeedAsync(MadoguchiDb db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        // The same address in both organisations: an account belongs to one.
        var account = new CitizenAccount { Id = Guid.NewGuid(), Email = "tenancy@example.jp", CreatedAt = now, LastSignedInAt = now, FamilyName = "住民" };
        db.Add(account);
        db.Add(new CitizenPasskey
        {
            Id = Guid.NewGuid(),
            CitizenAccountId = account.Id,
            CredentialId = Guid.NewGuid().ToByteArray(),
            PublicKey = Guid.NewGuid().ToByteArray(),
            UserHandle = Guid.NewGuid().ToByteArray(),
            Name = "スマートフォン",
            CreatedAt = now,
        });
        db.Add(new PasskeyChallenge { Id = Guid.NewGuid(), Purpose = CitizenPasskeys.SignIn, OptionsJson = "{}", CreatedAt = now, ExpiresAt = now.AddMinutes(5) });
        db.Add(new SignInLink { Id = Guid.NewGuid(), TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), Email = "tenancy@example.jp", CreatedAt = now, ExpiresAt = now.AddMinutes(15) });
        await db.SaveChangesAsync(ct);
    }
}
