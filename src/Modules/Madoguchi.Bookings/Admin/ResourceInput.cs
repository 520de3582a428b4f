using System.Globalization;
using System.Text.RegularExpressions;
using Madoguchi.Bookings.Scheduling;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Admin;

/// <summary>
/// What a staff member typed on the resource page (予約枠の設定), kept as text so that a refused value
/// (a capacity of "三", a time of "9時") is shown back exactly as typed, with a message beside it.
/// </summary>
public sealed class ResourceInput
{
    /// <summary>Monday first, as the page lists the days.</summary>
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Blank question rows offered under the existing ones.</summary>
    public const int BlankQuestions = 2;

    private static readonly string?[] OfficeDay = ["8:30", "17:15", "", ""];
    private static readonly string?[] ClosedDay = ["", "", "", ""];

    public string? Slug { get; set; }
    public string? Kind { get; set; }
    public string? DepartmentId { get; set; }
    public string? NameJa { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionJa { get; set; }
    public string? DescriptionEn { get; set; }
    public string? LocationJa { get; set; }
    public string? LocationEn { get; set; }
    public bool IsOnline { get; set; }
    public string? VideoBaseUrl { get; set; }
    public string? Capacity { get; set; }
    public string? SlotMinutes { get; set; }
    public string? BufferMinutes { get; set; }

    /// <summary>Four times a day (opens, closes, opens again, closes again), Monday to Sunday: 28 entries.</summary>
    public string?[] Hours { get; set; } = new string?[28];

    public bool ClosedOnHolidays { get; set; }
    public bool ClosedOnYearEnd { get; set; }
    public string? ClosedDates { get; set; }
    public string? FeeResident { get; set; }
    public string? FeeNonResident { get; set; }
    public string? FeeGroup { get; set; }
    public string? HorizonDays { get; set; }
    public string? MinNoticeMinutes { get; set; }
    public string? MaxPerPersonPerMonth { get; set; }
    public string? CancelDeadlineHours { get; set; }
    public string? HoldMinutes { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
    public string? ProcedureSlug { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>The saved row's <see cref="Resource.UpdatedAt"/> (ticks) when the page was opened: the concurrency check.</summary>
    public string? Version { get; set; }

    public static string HourId(int index) => "Hours_" + index.ToString(CultureInfo.InvariantCulture);

    public static ResourceInput Blank() => new()
    {
        Kind = nameof(ResourceKind.Counter),
        Capacity = "1",
        SlotMinutes = "30",
        BufferMinutes = "0",
        Hours = [.. Week.SelectMany(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday ? ClosedDay : OfficeDay)],
        ClosedOnHolidays = true,
        ClosedOnYearEnd = true,
        FeeResident = "0",
        FeeNonResident = "0",
        FeeGroup = "0",
        HorizonDays = "30",
        MinNoticeMinutes = "60",
        MaxPerPersonPerMonth = "0",
        CancelDeadlineHours = "24",
        HoldMinutes = "10",
        Questions = [.. Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionInput())],
        Version = "0",
    };

    public static ResourceInput From(Resource r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var hours = new string?[28];
        for (var d = 0; d < Week.Length; d++)
        {
            var periods = r.Hours.On(Week[d]).Take(2).ToList();
            for (var p = 0; p < 2; p++)
            {
                hours[(d * 4) + (p * 2)] = p < periods.Count ? Time(periods[p].Opens) : "";
                hours[(d * 4) + (p * 2) + 1] = p < periods.Count ? Time(periods[p].Closes) : "";
            }
        }

        return new()
        {
            Slug = r.Slug,
            Kind = r.Kind.ToString(),
            DepartmentId = r.DepartmentId.ToString(),
            NameJa = r.NameJa,
            NameEn = r.NameEn,
            DescriptionJa = r.DescriptionJa,
            DescriptionEn = r.DescriptionEn,
            LocationJa = r.LocationJa,
            LocationEn = r.LocationEn,
            IsOnline = r.IsOnline,
            VideoBaseUrl = r.VideoBaseUrl,
            Capacity = Int(r.Capacity),
            SlotMinutes = Int(r.SlotMinutes),
            BufferMinutes = Int(r.BufferMinutes),
            Hours = hours,
            ClosedOnHolidays = r.ClosedOnHolidays,
            ClosedOnYearEnd = r.ClosedOnYearEnd,
            ClosedDates = r.ClosedDates.Replace(' ', '\n'),
            FeeResident = Int(r.FeeResidentYen),
            FeeNonResident = Int(r.FeeNonResidentYen),
            FeeGroup = Int(r.FeeGroupYen),
            HorizonDays = Int(r.Rules.HorizonDays),
            MinNoticeMinutes = Int(r.Rules.MinNoticeMinutes),
            MaxPerPersonPerMonth = Int(r.Rules.MaxPerPersonPerMonth),
            CancelDeadlineHours = Int(r.Rules.CancelDeadlineHours),
            HoldMinutes = Int(r.Rules.HoldMinutes),
            Questions =
            [
                .. r.Questions.Select(q => new QuestionInput
                {
                    Key = q.Key, LabelJa = q.LabelJa, LabelEn = q.LabelEn, Kind = q.Kind.ToString(), Required = q.Required,
                    MaxLength = Int(q.MaxLength), Choices = string.Join('\n', q.Choices ?? []),
                }),
                .. Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionInput()),
            ],
            ProcedureSlug = r.ProcedureSlug,
            IsPublished = r.IsPublished,
            Version = VersionOf(r),
        };
    }

    public static string VersionOf(Resource r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(TimeOnly t) => t.ToString("H:mm", CultureInfo.InvariantCulture);
}

/// <summary>One question row of the form; a row left wholly empty is no question.</summary>
public sealed class QuestionInput
{
    public string? Key { get; set; }
    public string? LabelJa { get; set; }
    public string? LabelEn { get; set; }
    public string? Kind { get; set; }
    public bool Required { get; set; }
    public string? MaxLength { get; set; }

    /// <summary>For a choice question: one choice a line.</summary>
    public string? Choices { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(LabelJa) && string.IsNullOrWhiteSpace(LabelEn) && string.IsNullOrWhiteSpace(Choices);
}

/// <summary>A validated input, ready to be written to a <see cref="Resource"/>.</summary>
public sealed record ResourceValues(
    string Slug, ResourceKind Kind, Guid DepartmentId, string NameJa, string NameEn, string DescriptionJa, string DescriptionEn,
    string LocationJa, string LocationEn, bool IsOnline, string? VideoBaseUrl, int Capacity, int SlotMinutes, int BufferMinutes,
    OpeningHours Hours, bool ClosedOnHolidays, bool ClosedOnYearEnd, string ClosedDates, int FeeResident, int FeeNonResident, int FeeGroup,
    BookingRules Rules, List<BookingQuestion> Questions, string? ProcedureSlug, bool IsPublished)
{
    public void ApplyTo(Resource r, DateTime updatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(r);
        r.Kind = Kind;
        r.DepartmentId = DepartmentId;
        r.NameJa = NameJa;
        r.NameEn = NameEn;
        r.DescriptionJa = DescriptionJa;
        r.DescriptionEn = DescriptionEn;
        r.LocationJa = LocationJa;
        r.LocationEn = LocationEn;
        r.IsOnline = IsOnline;
        r.VideoBaseUrl = VideoBaseUrl;
        r.Capacity = Capacity;
        r.SlotMinutes = SlotMinutes;
        r.BufferMinutes = BufferMinutes;
        r.Hours = Hours;
        r.ClosedOnHolidays = ClosedOnHolidays;
        r.ClosedOnYearEnd = ClosedOnYearEnd;
        r.ClosedDates = ClosedDates;
        r.FeeResidentYen = FeeResident;
        r.FeeNonResidentYen = FeeNonResident;
        r.FeeGroupYen = FeeGroup;
        // The waitlist offer time is not on the form: keep what was there.
        Rules.WaitlistOfferMinutes = r.Rules.WaitlistOfferMinutes;
        r.Rules = Rules;
        r.Questions = Questions;
        r.ProcedureSlug = ProcedureSlug;
        r.IsPublished = IsPublished;
        // Microseconds: what both databases store exactly, so the version read back equals the one written.
        r.UpdatedAt = new DateTime(updatedAtUtc.Ticks - (updatedAtUtc.Ticks % 10), DateTimeKind.Utc);
    }
}

/// <summary>The resource form's validation (messages in the current UI language, ja or en, each saying what to do).</summary>
public static partial class ResourceForm
{
    public const int MaxYen = 1_000_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    /// <summary>Validates <paramref name="input"/>; null (with <paramref name="errors"/> filled, by field id) when refused.</summary>
    public static ResourceValues? Validate(ResourceInput input, string? fixedSlug, ISet<string> otherSlugs, ISet<Guid> departments,
        ISet<string> procedures, IStringLocalizer t, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(otherSlugs);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(errors);
        string Label(string id) => t["AdminField_" + id].Value;

        var slug = fixedSlug ?? Clean(input.Slug);
        if (fixedSlug is null)
        {
            if (slug.Length == 0)
            {
                errors["Slug"] = t["AdminErrRequired", Label("Slug")];
            }
            else if (slug.Length > 100 || !SlugPattern().IsMatch(slug))
            {
                errors["Slug"] = t["AdminErrSlug"];
            }
            else if (otherSlugs.Contains(slug))
            {
                errors["Slug"] = t["AdminErrSlugTaken", slug];
            }
        }

        if (!Enum.TryParse<ResourceKind>(input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors["Kind"] = t["AdminErrChoose", Label("Kind")];
        }

        if (!Guid.TryParse(input.DepartmentId, out var department) || !departments.Contains(department))
        {
            errors["DepartmentId"] = t["AdminErrDepartment"];
        }

        string Text(string id, string? value, int max, bool required)
        {
            var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            if (required && text.Length == 0)
            {
                errors[id] = t["AdminErrRequired", Label(id)];
            }
            else if (text.Length > max)
            {
                errors[id] = t["AdminErrTooLong", Label(id), max, text.Length];
            }

            return text;
        }

        var nameJa = Text("NameJa", input.NameJa, 200, true);
        var nameEn = Text("NameEn", input.NameEn, 200, true);
        var descriptionJa = Text("DescriptionJa", input.DescriptionJa, 2000, false);
        var descriptionEn = Text("DescriptionEn", input.DescriptionEn, 2000, false);
        var locationJa = Text("LocationJa", input.LocationJa, 500, true);
        var locationEn = Text("LocationEn", input.LocationEn, 500, true);
        var video = Text("VideoBaseUrl", input.VideoBaseUrl, 500, false);
        if (input.IsOnline && video.Length == 0)
        {
            errors["VideoBaseUrl"] = t["AdminErrVideoNeeded"];
        }
        else if (video.Length > 0 && !(Uri.TryCreate(video, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query)))
        {
            errors["VideoBaseUrl"] = t["AdminErrVideoUrl"];
        }

        int Number(string id, string? value, int min, int max)
        {
            var text = Normalize(value).TrimEnd('円', '分', '人', '日', '時', '間', '回');
            if (text.Length == 0)
            {
                errors[id] = t["AdminErrRequired", Label(id)];
                return 0;
            }

            if (!int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                errors[id] = t["AdminErrNumber", Label(id), min, max];
                return 0;
            }

            return n;
        }

        var capacity = Number("Capacity", input.Capacity, 1, 500);
        var slotMinutes = Number("SlotMinutes", input.SlotMinutes, 5, 24 * 60);
        var bufferMinutes = Number("BufferMinutes", input.BufferMinutes, 0, 240);
        var hours = Hours(input, t, errors);
        var closed = new List<string>();
        foreach (var line in Normalize(input.ClosedDates).Split(['\n', ' ', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(line.Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                closed.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                errors["ClosedDates"] = t["AdminErrClosedDate", line];
                break;
            }
        }

        var feeResident = Number("FeeResident", input.FeeResident, 0, MaxYen);
        var feeNonResident = Number("FeeNonResident", input.FeeNonResident, 0, MaxYen);
        var feeGroup = Number("FeeGroup", input.FeeGroup, 0, MaxYen);
        var rules = new BookingRules
        {
            HorizonDays = Number("HorizonDays", input.HorizonDays, 1, 400),
            MinNoticeMinutes = Number("MinNoticeMinutes", input.MinNoticeMinutes, 0, 30 * 24 * 60),
            MaxPerPersonPerMonth = Number("MaxPerPersonPerMonth", input.MaxPerPersonPerMonth, 0, 100),
            CancelDeadlineHours = Number("CancelDeadlineHours", input.CancelDeadlineHours, 0, 30 * 24),
            HoldMinutes = Number("HoldMinutes", input.HoldMinutes, 1, 60),
        };
        var questions = Questions(input, t, errors);
        var procedure = Clean(input.ProcedureSlug);
        if (procedure.Length > 0 && !procedures.Contains(procedure))
        {
            errors["ProcedureSlug"] = t["AdminErrProcedure", procedure];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ResourceValues(slug, kind, department, nameJa, nameEn, descriptionJa, descriptionEn, locationJa, locationEn, input.IsOnline,
            video.Length == 0 ? null : video, capacity, slotMinutes, bufferMinutes, hours, input.ClosedOnHolidays, input.ClosedOnYearEnd,
            string.Join(' ', closed.Distinct().Order(StringComparer.Ordinal)), feeResident, feeNonResident, feeGroup, rules, questions,
            procedure.Length == 0 ? null : procedure, input.IsPublished);
    }

    private static OpeningHours Hours(ResourceInput input, IStringLocalizer t, IDictionary<string, string> errors)
    {
        var hours = new OpeningHours();
        var values = input.Hours.Length == 28 ? input.Hours : [.. input.Hours.Concat(Enumerable.Repeat<string?>("", 28)).Take(28)];
        for (var d = 0; d < 7; d++)
        {
            var day = t["AdminDay_" + ResourceInput.Week[d]].Value;
            TimeOnly? previousClose = null;
            for (var p = 0; p < 2; p++)
            {
                var openIndex = (d * 4) + (p * 2);
                var opensText = Normalize(values[openIndex]);
                var closesText = Normalize(values[openIndex + 1]);
                if (opensText.Length == 0 && closesText.Length == 0)
                {
                    continue;
                }

                var opens = ParseTime(opensText);
                var closes = ParseTime(closesText);
                if (opens is null)
                {
                    errors[ResourceInput.HourId(openIndex)] = t["AdminErrTime", day, p + 1];
                    continue;
                }

                if (closes is null)
                {
                    errors[ResourceInput.HourId(openIndex + 1)] = t["AdminErrTime", day, p + 1];
                    continue;
                }

                if (closes <= opens)
                {
                    errors[ResourceInput.HourId(openIndex + 1)] = t["AdminErrClosesBeforeOpens", day, p + 1];
                    continue;
                }

                if (previousClose is { } before && opens < before)
                {
                    errors[ResourceInput.HourId(openIndex)] = t["AdminErrOverlap", day];
                    continue;
                }

                previousClose = closes;
                hours.Periods.Add(new OpeningPeriod(ResourceInput.Week[d], opens.Value, closes.Value));
            }
        }

        return hours;
    }

    private static List<BookingQuestion> Questions(ResourceInput input, IStringLocalizer t, IDictionary<string, string> errors)
    {
        var questions = new List<BookingQuestion>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Questions.Count; i++)
        {
            var q = input.Questions[i];
            if (q.IsEmpty)
            {
                continue;
            }

            var n = i + 1;
            var id = "Q" + i.ToString(CultureInfo.InvariantCulture) + "_";
            var key = Clean(q.Key);
            if (!KeyPattern().IsMatch(key))
            {
                errors[id + "Key"] = t["AdminErrQuestionKey", n];
            }
            else if (!keys.Add(key))
            {
                errors[id + "Key"] = t["AdminErrQuestionKeyTwice", n, key];
            }

            var labelJa = (q.LabelJa ?? "").Trim();
            var labelEn = (q.LabelEn ?? "").Trim();
            if (labelJa.Length is 0 or > 200)
            {
                errors[id + "LabelJa"] = t["AdminErrQuestionLabel", n];
            }

            if (labelEn.Length is 0 or > 200)
            {
                errors[id + "LabelEn"] = t["AdminErrQuestionLabel", n];
            }

            if (!Enum.TryParse<QuestionKind>(q.Kind, out var kind) || !Enum.IsDefined(kind))
            {
                kind = QuestionKind.Text;
            }

            var maxText = Normalize(q.MaxLength);
            var max = 200;
            if (maxText.Length > 0 && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1 || max > 2000))
            {
                errors[id + "MaxLength"] = t["AdminErrQuestionMax", n];
            }

            var choices = (q.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (kind == QuestionKind.Choice && choices.Count < 2)
            {
                errors[id + "Choices"] = t["AdminErrQuestionChoices", n];
            }

            questions.Add(new BookingQuestion(key, labelJa, labelEn, q.Required, kind, max, kind == QuestionKind.Choice ? choices : null));
        }

        return questions;
    }

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text.Replace('：', ':').Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Full-width digits and letters to half-width (NFKC), trimmed.</summary>
    public static string Normalize(string? text) => Madoguchi.Platform.Text.UnicodeText.NormalizeKC(text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Clean(string? text) => Normalize(text).ToLowerInvariant();
}
