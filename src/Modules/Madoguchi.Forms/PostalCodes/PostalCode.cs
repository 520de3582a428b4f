using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.PostalCodes;

/// <summary>郵便番号: one of the city's own postal codes and the town address it stands for (東京都武蔵野市吉祥寺北町).</summary>
public sealed class PostalCode : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Seven ASCII digits without hyphen: 1800001.</summary>
    public string Code { get; set; } = "";

    /// <summary>Prefecture, city and town: 東京都武蔵野市吉祥寺北町.</summary>
    public string Address { get; set; } = "";
}
