using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Procedures.Catalog;

/// <summary>
/// 手続き: something a citizen can do with the city — apply, notify, request or book — as the
/// procedure guide (手続きガイド) explains it.
/// </summary>
public sealed class Procedure : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Stable, readable identifier used in URLs and the API, e.g. <c>juminhyo-copy</c>.</summary>
    public required string Slug { get; set; }

    public ProcedureKind Kind { get; set; }

    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }

    /// <summary>Plain-language summary: what it is and when you need it.</summary>
    public required string SummaryJa { get; set; }
    public required string SummaryEn { get; set; }

    /// <summary>Who it is for (対象者).</summary>
    public string AudienceJa { get; set; } = "";
    public string AudienceEn { get; set; } = "";

    /// <summary>担当課.</summary>
    public Guid ResponsibleDepartmentId { get; set; }

    /// <summary>What to bring (持ち物), one item per line.</summary>
    public string WhatToBringJa { get; set; } = "";
    public string WhatToBringEn { get; set; } = "";

    /// <summary>手数料 in yen; null when free.</summary>
    public int? FeeYen { get; set; }

    public string FeeNoteJa { get; set; } = "";
    public string FeeNoteEn { get; set; } = "";

    /// <summary>標準処理期間 in business days; null when done on the spot.</summary>
    public int? StandardProcessingDays { get; set; }

    public ProcedureChannels Channels { get; set; }

    /// <summary>Extra search words (readings, synonyms), separated by spaces.</summary>
    public string Keywords { get; set; } = "";

    /// <summary>Slugs of related procedures, separated by spaces.</summary>
    public string RelatedSlugs { get; set; } = "";

    public bool IsPublished { get; set; } = true;

    public DateTime UpdatedAt { get; set; }

    public bool IsOnline => Channels.HasFlag(ProcedureChannels.Online);

    public IEnumerable<string> Related => RelatedSlugs.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string Title(bool english) => english ? TitleEn : TitleJa;
    public string Summary(bool english) => english ? SummaryEn : SummaryJa;
    public string Audience(bool english) => english ? AudienceEn : AudienceJa;
    public string FeeNote(bool english) => english ? FeeNoteEn : FeeNoteJa;

    public IReadOnlyList<string> WhatToBring(bool english) =>
        (english ? WhatToBringEn : WhatToBringJa).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>申請 / 届出 / 請求・申込 / 予約 / 通報.</summary>
public enum ProcedureKind
{
    Application = 0,
    Notice = 1,
    Request = 2,
    Booking = 3,
    Report = 4,
}

/// <summary>Where the procedure can be done.</summary>
[Flags]
#pragma warning disable CA1711 // "Channels" is the domain word here.
public enum ProcedureChannels
#pragma warning restore CA1711
{
    None = 0,

    /// <summary>Fully online (オンライン).</summary>
    Online = 1,

    /// <summary>At a counter (窓口).</summary>
    Counter = 2,

    /// <summary>By post (郵送).</summary>
    Post = 4,
}
