using Madoguchi.Forms.Engine;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Forms.PostalCodes;

/// <summary>The city's postal codes, used to fill the address from a postal code (works without JavaScript).</summary>
public interface IPostalCodeDirectory
{
    /// <summary>The town address of a postal code as typed ("1800001", "180-0001", full-width); null when unknown.</summary>
    Task<string?> LookupAsync(string postalCode, CancellationToken cancellationToken);
}

internal sealed class PostalCodeDirectory(MadoguchiDb db) : IPostalCodeDirectory
{
    public async Task<string?> LookupAsync(string postalCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postalCode);
        if (AnswerText.NormalizePostalCode(postalCode) is not { } normalized)
        {
            return null;
        }

        var code = normalized.Replace("-", "", StringComparison.Ordinal);
        return await db.Set<PostalCode>().Where(p => p.Code == code).Select(p => p.Address).FirstOrDefaultAsync(cancellationToken);
    }
}

internal sealed class PostalCodeConfiguration : IEntityTypeConfiguration<PostalCode>
{
    public void Configure(EntityTypeBuilder<PostalCode> builder)
    {
        builder.ToTable("forms_postal_codes");
        builder.HasIndex(p => new { p.OrganizationId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(7);
        builder.Property(p => p.Address).HasMaxLength(200);
    }
}
