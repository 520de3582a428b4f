using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Madoguchi.Procedures.Catalog;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Procedures.Pages.Staff.Procedures;

/// <summary>
/// What a staff member typed on the procedure edit page, kept as text so that a refused value (a fee
/// of "３００円", a title that is too long) is shown back exactly as typed with a message beside it.
/// </summary>
public sealed class ProcedureInput
{
    public string? Slug { get; set; }
    public string? Kind { get; set; }
    public string? DepartmentId { get; set; }
    public string? TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryJa { get; set; }
    public string? SummaryEn { get; set; }
    public string? AudienceJa { get; set; }
    public string? AudienceEn { get; set; }
    public string? WhatToBringJa { get; set; }
    public string? WhatToBringEn { get; set; }
    public string? Fee { get; set; }
    public string? FeeNoteJa { get; set; }
    public string? FeeNoteEn { get; set; }
    public string? ProcessingDays { get; set; }
    public List<string> Channels { get; set; } = [];
    public string? Keywords { get; set; }
    public string? RelatedSlugs { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>The saved row's <see cref="Procedure.UpdatedAt"/> (ticks) when the page was opened: the concurrency check.</summary>
    public string? Version { get; set; }

    public static ProcedureInput From(Procedure p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Slug = p.Slug,
            Kind = p.Kind.ToString(),
            DepartmentId = p.ResponsibleDepartmentId.ToString(),
            TitleJa = p.TitleJa,
            TitleEn = p.TitleEn,
            SummaryJa = p.SummaryJa,
            SummaryEn = p.SummaryEn,
            AudienceJa = p.AudienceJa,
            AudienceEn = p.AudienceEn,
            WhatToBringJa = p.WhatToBringJa,
            WhatToBringEn = p.WhatToBringEn,
            Fee = p.FeeYen?.ToString(CultureInfo.InvariantCulture),
            FeeNoteJa = p.FeeNoteJa,
            FeeNoteEn = p.FeeNoteEn,
            ProcessingDays = p.StandardProcessingDays?.ToString(CultureInfo.InvariantCulture),
            Channels = [.. ProcedureForm.AllChannels.Where(c => p.Channels.HasFlag(c)).Select(c => c.ToString())],
            Keywords = p.Keywords,
            RelatedSlugs = p.RelatedSlugs,
            IsPublished = p.IsPublished,
            Version = VersionOf(p),
        };
    }

    public static string VersionOf(Procedure p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A validated input, ready to be written to a <see cref="Procedure"/>.</summary>
public sealed record ProcedureValues(
    string Slug, ProcedureKind Kind, Guid DepartmentId, string TitleJa, string TitleEn, string SummaryJa, string SummaryEn,
    string AudienceJa, string AudienceEn, string WhatToBringJa, string WhatToBringEn, int? Fee, string FeeNoteJa, string FeeNoteEn,
    int? ProcessingDays, ProcedureChannels Channels, string Keywords, string RelatedSlugs, bool IsPublished)
{
    public void ApplyTo(Procedure p, DateTime updatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Kind = Kind;
        p.ResponsibleDepartmentId = DepartmentId;
        p.TitleJa = TitleJa;
        p.TitleEn = TitleEn;
        p.SummaryJa = SummaryJa;
        p.SummaryEn = SummaryEn;
        p.AudienceJa = AudienceJa;
        p.AudienceEn = AudienceEn;
        p.WhatToBringJa = WhatToBringJa;
        p.WhatToBringEn = WhatToBringEn;
        p.FeeYen = Fee;
        p.FeeNoteJa = FeeNoteJa;
        p.FeeNoteEn = FeeNoteEn;
        p.StandardProcessingDays = ProcessingDays;
        p.Channels = Channels;
        p.Keywords = Keywords;
        p.RelatedSlugs = RelatedSlugs;
        p.IsPublished = IsPublished;
        // Microseconds: what both databases store exactly, so the version read back equals the one written.
        p.UpdatedAt = new DateTime(updatedAtUtc.Ticks - (updatedAtUtc.Ticks % 10), DateTimeKind.Utc);
    }
}

/// <summary>The edit form's fields, limits and server-side validation (messages in the current UI language, ja or en).</summary>
public static partial class ProcedureForm
{
    public static readonly ProcedureChannels[] AllChannels = [ProcedureChannels.Online, ProcedureChannels.Counter, ProcedureChannels.Post];

    /// <summary>Field ids in the order the page shows them (the error summary follows it).</summary>
    public static readonly string[] PageOrder =
    [
        "Slug", "Kind", "DepartmentId", "TitleJa", "TitleEn", "SummaryJa", "SummaryEn", "AudienceJa", "AudienceEn", "WhatToBringJa", "WhatToBringEn",
        "Fee", "FeeNoteJa", "FeeNoteEn", "ProcessingDays", "Channel_Online", "Keywords", "RelatedSlugs", "IsPublished",
    ];

    public const int MaxFee = 1_000_000;
    public const int MaxDays = 365;

    /// <summary>Text fields in page order: id, whether required, maximum length, whether several lines.</summary>
    public static readonly (string Id, bool Required, int MaxLength, bool Multiline)[] TextFields =
    [
        ("TitleJa", true, 200, false),
        ("TitleEn", true, 200, false),
        ("SummaryJa", true, 2000, true),
        ("SummaryEn", true, 2000, true),
        ("AudienceJa", false, 1000, true),
        ("AudienceEn", false, 1000, true),
        ("WhatToBringJa", false, 2000, true),
        ("WhatToBringEn", false, 2000, true),
        ("FeeNoteJa", false, 200, false),
        ("FeeNoteEn", false, 200, false),
        ("Keywords", false, 1000, false),
        ("RelatedSlugs", false, 1000, false),
    ];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public static int MaxLength(string id) => TextFields.First(f => f.Id == id).MaxLength;

    /// <summary>
    /// Checks every field; adds "field id → message" to <paramref name="errors"/> in page order and
    /// returns the values when there is none.
    /// </summary>
    public static ProcedureValues? Validate(
        ProcedureInput input, string? fixedSlug, IReadOnlySet<string> otherSlugs, IReadOnlySet<Guid> allowedDepartments,
        IStringLocalizer t, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(otherSlugs);
        ArgumentNullException.ThrowIfNull(allowedDepartments);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(errors);

        var slug = fixedSlug ?? (input.Slug ?? "").Trim();
        if (fixedSlug is null)
        {
            if (slug.Length == 0)
            {
                errors["Slug"] = t["StaffProcErrorRequired", t["StaffProcField_Slug"]];
            }
            else if (slug.Length > 100 || !SlugPattern().IsMatch(slug))
            {
                errors["Slug"] = t["StaffProcErrorSlugFormat"];
            }
            else if (otherSlugs.Contains(slug))
            {
                errors["Slug"] = t["StaffProcErrorSlugTaken", slug];
            }
        }

        if (!Enum.TryParse<ProcedureKind>(input.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors["Kind"] = t["StaffProcErrorKind"];
        }

        if (!Guid.TryParse(input.DepartmentId, out var department) || !allowedDepartments.Contains(department))
        {
            errors["DepartmentId"] = t["StaffProcErrorDepartment"];
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, required, max, multiline) in TextFields.Take(10))
        {
            texts[id] = CheckText(id, Text(input, id), required, max, multiline, t, errors);
        }

        var fee = ParseNumber(input.Fee, 0, MaxFee, "Fee", "StaffProcErrorFee", t, errors);
        var days = ParseNumber(input.ProcessingDays, 0, MaxDays, "ProcessingDays", "StaffProcErrorDays", t, errors);

        var channels = ProcedureChannels.None;
        foreach (var c in input.Channels)
        {
            if (Enum.TryParse<ProcedureChannels>(c, out var channel) && AllChannels.Contains(channel))
            {
                channels |= channel;
            }
        }

        if (channels == ProcedureChannels.None)
        {
            errors["Channel_Online"] = t["StaffProcErrorChannels"];
        }

        var keywords = string.Join(' ', CheckText("Keywords", input.Keywords, false, MaxLength("Keywords"), false, t, errors)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var relatedText = CheckText("RelatedSlugs", input.RelatedSlugs, false, MaxLength("RelatedSlugs"), false, t, errors);
        var related = relatedText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (!errors.ContainsKey("RelatedSlugs"))
        {
            var unknown = related.FirstOrDefault(r => r == slug || !otherSlugs.Contains(r));
            if (unknown is not null)
            {
                errors["RelatedSlugs"] = unknown == slug ? t["StaffProcErrorRelatedSelf"] : t["StaffProcErrorRelatedUnknown", unknown];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ProcedureValues(slug, kind, department, texts["TitleJa"], texts["TitleEn"], texts["SummaryJa"], texts["SummaryEn"],
            texts["AudienceJa"], texts["AudienceEn"], Lines(texts["WhatToBringJa"]), Lines(texts["WhatToBringEn"]), fee, texts["FeeNoteJa"], texts["FeeNoteEn"],
            days, channels, keywords, string.Join(' ', related), input.IsPublished);
    }

    public static string? Text(ProcedureInput input, string id)
    {
        ArgumentNullException.ThrowIfNull(input);
        return id switch
        {
            "TitleJa" => input.TitleJa,
            "TitleEn" => input.TitleEn,
            "SummaryJa" => input.SummaryJa,
            "SummaryEn" => input.SummaryEn,
            "AudienceJa" => input.AudienceJa,
            "AudienceEn" => input.AudienceEn,
            "WhatToBringJa" => input.WhatToBringJa,
            "WhatToBringEn" => input.WhatToBringEn,
            "FeeNoteJa" => input.FeeNoteJa,
            "FeeNoteEn" => input.FeeNoteEn,
            "Keywords" => input.Keywords,
            "RelatedSlugs" => input.RelatedSlugs,
            "Fee" => input.Fee,
            "ProcessingDays" => input.ProcessingDays,
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
        };
    }

    private static string CheckText(string id, string? value, bool required, int max, bool multiline, IStringLocalizer t, Dictionary<string, string> errors)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        var label = t["StaffProcField_" + id];
        if (required && text.Length == 0)
        {
            errors[id] = t["StaffProcErrorRequired", label];
        }
        else if (text.EnumerateRunes().Count() > max)
        {
            errors[id] = t["StaffProcErrorTooLong", label, max, text.EnumerateRunes().Count()];
        }
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')) || !IsWellFormed(text))
        {
            errors[id] = t["StaffProcErrorControl", label];
        }

        return text;
    }

    /// <summary>No lone surrogates (text cut in the middle of an emoji, or bytes that were not UTF-8).</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] == '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Empty means none (free / on the spot); full-width digits, commas and a trailing 円/日 are accepted.</summary>
    private static int? ParseNumber(string? value, int min, int max, string id, string messageKey, IStringLocalizer t, Dictionary<string, string> errors)
    {
        var text = Madoguchi.Platform.Text.UnicodeText.NormalizeKC(value ?? "").Replace(",", "", StringComparison.Ordinal).Trim().TrimEnd('円', '日').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[id] = t[messageKey, max.ToString("N0", CultureInfo.InvariantCulture)];
        return null;
    }

    private static string Lines(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
