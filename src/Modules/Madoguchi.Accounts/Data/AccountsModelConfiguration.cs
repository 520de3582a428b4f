using Madoguchi.Accounts.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Accounts.Data;

internal sealed class CitizenAccountConfiguration : IEntityTypeConfiguration<CitizenAccount>
{
    public void Configure(EntityTypeBuilder<CitizenAccount> builder)
    {
        builder.ToTable("accounts_citizens");
        // One account per address and organisation, also when two first sign-ins race (the loser reads the winner's row).
        builder.HasIndex(a => new { a.OrganizationId, a.Email }).IsUnique();
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.HasIndex(a => new { a.OrganizationId, a.OidcSubject }).IsUnique();
        builder.Property(a => a.OidcSubject).HasMaxLength(600);
        builder.Property(a => a.FamilyName).HasMaxLength(200);
        builder.Property(a => a.GivenName).HasMaxLength(200);
        builder.Property(a => a.FamilyNameKana).HasMaxLength(200);
        builder.Property(a => a.GivenNameKana).HasMaxLength(200);
        builder.Property(a => a.PostalCode).HasMaxLength(8);
        builder.Property(a => a.Phone).HasMaxLength(30);
        builder.Property(a => a.NotificationChannel).HasMaxLength(10);
    }
}

internal sealed class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> builder)
    {
        builder.ToTable("accounts_sign_in_links");
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.Email, l.CreatedAt });
        builder.HasIndex(l => l.ExpiresAt);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Email).HasMaxLength(254);
    }
}

internal sealed class CitizenPasskeyConfiguration : IEntityTypeConfiguration<CitizenPasskey>
{
    public void Configure(EntityTypeBuilder<CitizenPasskey> builder)
    {
        builder.ToTable("accounts_passkeys");
        // A credential signs in to one account of one organisation; the sign-in looks it up by its id.
        builder.HasIndex(p => new { p.OrganizationId, p.CredentialId }).IsUnique();
        builder.HasIndex(p => p.CitizenAccountId);
        builder.HasOne<CitizenAccount>().WithMany().HasForeignKey(p => p.CitizenAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.CredentialId).HasMaxLength(1023);
        builder.Property(p => p.PublicKey).HasMaxLength(2048);
        builder.Property(p => p.UserHandle).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}

internal sealed class PasskeyChallengeConfiguration : IEntityTypeConfiguration<PasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<PasskeyChallenge> builder)
    {
        builder.ToTable("accounts_passkey_challenges");
        builder.HasIndex(c => c.ExpiresAt);
        builder.Property(c => c.Purpose).HasMaxLength(10);
        builder.Property(c => c.OptionsJson).HasMaxLength(8000);
    }
}
