using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Bookings.Scheduling;

/// <summary>
/// Something that can be booked: a counter (窓口) of a department, a consultation (相談, in person or
/// online), or a facility (施設: a room, a hall, a sports ground). Its opening hours, closed days,
/// slot length, buffers, capacity, fees and rules decide which slots exist and who may take them.
/// </summary>
public sealed class Resource : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Stable, readable identifier for URLs, e.g. <c>shimin-tennyu</c>.</summary>
    public required string Slug { get; set; }

    public ResourceKind Kind { get; set; }

    /// <summary>The department that runs it (担当課); its staff see its bookings.</summary>
    public Guid DepartmentId { get; set; }

    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    /// <summary>Where to go (building, floor, counter number); for online consultations, how it happens.</summary>
    public string LocationJa { get; set; } = "";
    public string LocationEn { get; set; } = "";

    /// <summary>Consultations held by video: each booking gets its own room under <see cref="VideoBaseUrl"/>.</summary>
    public bool IsOnline { get; set; }

    public string? VideoBaseUrl { get; set; }

    /// <summary>How many people (or groups) one slot takes: counters with several desks take more than one.</summary>
    public int Capacity { get; set; } = 1;

    public int SlotMinutes { get; set; } = 30;

    /// <summary>Time kept free after each slot (cleaning a room, notes after a consultation).</summary>
    public int BufferMinutes { get; set; }

    public OpeningHours Hours { get; set; } = new();

    /// <summary>Closed on national holidays (祝日・振替休日・国民の休日).</summary>
    public bool ClosedOnHolidays { get; set; } = true;

    /// <summary>Closed 29 December – 3 January (年末年始).</summary>
    public bool ClosedOnYearEnd { get; set; } = true;

    /// <summary>Other closed dates (maintenance, elections), yyyy-MM-dd separated by spaces.</summary>
    public string ClosedDates { get; set; } = "";

    public BookingRules Rules { get; set; } = new();

    /// <summary>Fee per slot in yen by user category; 0 when free.</summary>
    public int FeeResidentYen { get; set; }

    public int FeeNonResidentYen { get; set; }
    public int FeeGroupYen { get; set; }

    /// <summary>What the booking form asks besides name and email.</summary>
    public List<BookingQuestion> Questions { get; set; } = [];

    /// <summary>The procedure this visit is for (e.g. <c>tennyu</c>), shown with its checklist; optional.</summary>
    public string? ProcedureSlug { get; set; }

    public bool IsPublished { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>When staff last saved it (UTC, microseconds): the concurrency token of the edit page (ADR 0035).</summary>
    public DateTime UpdatedAt { get; set; }

    public string Name(bool english) => english ? NameEn : NameJa;
    public string Description(bool english) => english ? DescriptionEn : DescriptionJa;
    public string Location(bool english) => english ? LocationEn : LocationJa;

    public IEnumerable<DateOnly> ClosedDateList =>
        ClosedDates.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public int FeeFor(UserCategory category) => category switch
    {
        UserCategory.NonResident => FeeNonResidentYen,
        UserCategory.Group => FeeGroupYen,
        _ => FeeResidentYen,
    };
}

public enum ResourceKind
{
    /// <summary>窓口: a visit to a counter (来庁予約).</summary>
    Counter = 0,

    /// <summary>相談: a consultation, in person or online.</summary>
    Consultation = 1,

    /// <summary>施設: a room, hall or sports ground.</summary>
    Facility = 2,
}

/// <summary>Who books, for the fee (市内・市外・団体).</summary>
public enum UserCategory
{
    Resident = 0,
    NonResident = 1,
    Group = 2,
}

/// <summary>Opening periods per weekday; a day without periods is closed.</summary>
public sealed class OpeningHours
{
    public List<OpeningPeriod> Periods { get; set; } = [];

    public IEnumerable<OpeningPeriod> On(DayOfWeek day) => Periods.Where(p => p.Day == day).OrderBy(p => p.Opens);

    public static OpeningHours Weekdays(TimeOnly opens, TimeOnly closes) => Days(opens, closes, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static OpeningHours Days(TimeOnly opens, TimeOnly closes, params DayOfWeek[] days) =>
        new() { Periods = [.. days.Select(d => new OpeningPeriod(d, opens, closes))] };

    public OpeningHours And(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        Periods.Add(new OpeningPeriod(day, opens, closes));
        return this;
    }
}

public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>The rules a booking must meet.</summary>
public sealed class BookingRules
{
    /// <summary>How far ahead one may book, in days (予約受付期間).</summary>
    public int HorizonDays { get; set; } = 30;

    /// <summary>How long before the start booking closes, in minutes.</summary>
    public int MinNoticeMinutes { get; set; } = 60;

    /// <summary>Bookings one person (by email) may hold per calendar month on this resource; 0 for no limit.</summary>
    public int MaxPerPersonPerMonth { get; set; }

    /// <summary>Changes and cancellations close this many hours before the start.</summary>
    public int CancelDeadlineHours { get; set; } = 24;

    /// <summary>How long a hold keeps a place while the person fills in the form.</summary>
    public int HoldMinutes { get; set; } = 10;

    /// <summary>How long a person offered a freed place (キャンセル待ち) has to take it.</summary>
    public int WaitlistOfferMinutes { get; set; } = 120;
}

/// <summary>A question the booking form asks (e.g. purpose, number of users, interpreter needed).</summary>
public sealed record BookingQuestion(string Key, string LabelJa, string LabelEn, bool Required, QuestionKind Kind = QuestionKind.Text, int MaxLength = 200, IReadOnlyList<string>? Choices = null)
{
    public string Label(bool english) => english ? LabelEn : LabelJa;
}

public enum QuestionKind
{
    Text = 0,
    Number = 1,
    Choice = 2,
}
