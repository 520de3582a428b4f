namespace Madoguchi.Platform.Tenancy;

/// <summary>A municipality (自治体): the tenant. Each has its own staff, procedures and branding.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }

    /// <summary>Short stable code used in receipt numbers and URLs, e.g. <c>MSN</c>.</summary>
    public required string Code { get; set; }

    /// <summary>Name in Japanese, e.g. 武蔵野市.</summary>
    public required string NameJa { get; set; }

    /// <summary>Name in English, e.g. Musashino City.</summary>
    public required string NameEn { get; set; }

    /// <summary>Host names this organisation answers on, lower case, separated by spaces.</summary>
    public string HostNames { get; set; } = "";

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool AnswersOn(string host) =>
        HostNames.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
}
