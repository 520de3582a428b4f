using System.Globalization;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.PublicComments.Model;

/// <summary>Ways an opinion may be sent (意見の提出方法). Telephone is never one: the city does not take opinions by phone.</summary>
[Flags]
#pragma warning disable CA1711 // "Channels" is the domain word here.
public enum OpinionChannels
#pragma warning restore CA1711
{
    None = 0,

    /// <summary>意見提出フォーム (this site).</summary>
    Web = 1,

    /// <summary>電子メール.</summary>
    Email = 2,

    /// <summary>FAX.</summary>
    Fax = 4,

    /// <summary>郵送.</summary>
    Post = 8,
}

/// <summary>
/// パブリックコメント (意見募集): residents are consulted on a draft for a period that opens and closes
/// at given Japan times. "必着" means an opinion counts when it has arrived by the end of the closing
/// day, Japan time. Not a booked consultation (相談), which is a Bookings thing.
/// </summary>
public sealed class PublicCommentProcess : ITenantOwned
{
    public static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Stable identifier used in URLs and the API.</summary>
    public required string Slug { get; set; }

    /// <summary>Prefix of receipt numbers, e.g. <c>DX</c> → <c>DX-0001</c>.</summary>
    public required string ReceiptPrefix { get; set; }

    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";
    public string SummaryJa { get; set; } = "";

    /// <summary>The department that runs it; its members (and the IT policy division) see submitters' personal data.</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>When the period opens, UTC (set from a Japan date and time).</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>必着: the last day, Japan time, on which an opinion may arrive.</summary>
    public DateOnly ReceivedBy { get; set; }

    public OpinionChannels Channels { get; set; } = OpinionChannels.Web | OpinionChannels.Email | OpinionChannels.Fax | OpinionChannels.Post;

    public bool RequireName { get; set; } = true;
    public bool RequireAddress { get; set; } = true;
    public bool RequireContact { get; set; } = true;

    /// <summary>Ask the (optional) age group.</summary>
    public bool AskAgeGroup { get; set; } = true;

    /// <summary>Where to send by email, FAX and post (あて先), as the draft's cover page gives them.</summary>
    public string ContactEmail { get; set; } = "";
    public string ContactFax { get; set; } = "";
    public string ContactAddressJa { get; set; } = "";
    public string ContactDepartmentJa { get; set; } = "";

    /// <summary>When the result (意見の概要と市の考え方) was published; null while not.</summary>
    public DateTime? ResultPublishedAt { get; set; }

    /// <summary>Submitters' personal data are deleted this many days after the result is published.</summary>
    public int RetentionDays { get; set; } = 365;

    public DateTime? PersonalDataErasedAt { get; set; }

    /// <summary>The demo's sample data, not the city's real consultation result.</summary>
    public bool IsDemoSample { get; set; }

    public string Title(bool english) => english && TitleEn.Length > 0 ? TitleEn : TitleJa;

    /// <summary>The first moment after the deadline: midnight at the start of the day after <see cref="ReceivedBy"/>, Japan time, in UTC.</summary>
    public DateTime DeadlineUtc => ToUtc(ReceivedBy.AddDays(1), TimeOnly.MinValue);

    public bool HasOpened(DateTime nowUtc) => nowUtc >= OpensAt;

    public bool IsOpen(DateTime nowUtc) => HasOpened(nowUtc) && nowUtc < DeadlineUtc;

    public bool IsClosed(DateTime nowUtc) => nowUtc >= DeadlineUtc;

    /// <summary>Whether an opinion received on <paramref name="receivedAtUtc"/> arrived after the deadline.</summary>
    public bool IsLate(DateTime receivedAtUtc) => receivedAtUtc >= DeadlineUtc;

    public bool Accepts(OpinionChannels channel) => (Channels & channel) == channel;

    public static DateTime ToUtc(DateOnly japanDate, TimeOnly japanTime) =>
        TimeZoneInfo.ConvertTimeToUtc(japanDate.ToDateTime(japanTime, DateTimeKind.Unspecified), Japan);

    public static DateTime ToJapan(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Japan);

    /// <summary>令和8年1月5日（月） (Reiwa era, from 2019; 令和元年 for 2019).</summary>
    public static string JapaneseDate(DateOnly date)
    {
        var era = date.Year - 2018;
        var year = era == 1 ? "元" : era.ToString(CultureInfo.InvariantCulture);
        return $"令和{year}年{date.Month}月{date.Day}日（{"日月火水木金土"[(int)date.DayOfWeek]}）";
    }
}

/// <summary>A section or paragraph of the draft, which an opinion may point to.</summary>
public sealed class DraftSection : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }

    /// <summary>1, 2, 3… in document order.</summary>
    public int Number { get; set; }

    public required string HeadingJa { get; set; }
    public string BodyJa { get; set; } = "";
}
