using Madoguchi.Bookings.DemoContent;
using Madoguchi.Bookings.Scheduling;

namespace Madoguchi.Tests.Bookings;

/// <summary>Slot layout from opening hours, slot length and buffers; closed days; the booking horizon.</summary>
public sealed class ScheduleTests
{
    private static readonly Dictionary<string, Guid> Departments = new[]
    {
        "citizen-services", "child-support", "elderly-support", "lifelong-learning", "health",
    }.ToDictionary(c => c, _ => Guid.NewGuid());

    private static Resource Demo(string slug) => BookingsDemoContent.Resources(Departments).Single(r => r.Slug == slug);

    private static List<string> Times(Resource resource, DateOnly day) =>
        [.. Schedule.SlotTimes(resource, day).Select(s => $"{Tokyo.Time(s.Start)}-{Tokyo.Time(s.End)}")];

    [Fact]
    public void CounterSlots_FillTheDay_WithoutBuffer()
    {
        var times = Times(Demo("moving-in-visit"), new DateOnly(2026, 12, 1));
        Assert.Equal(17, times.Count); // 08:30 to 17:00 in 30-minute slots
        Assert.Equal("08:30-09:00", times[0]);
        Assert.Equal("16:30-17:00", times[^1]);
    }

    [Fact]
    public void ConsultationSlots_LeaveTheBufferBetween_AndFitInsideEachPeriod()
    {
        // Monday: 9–12 and 13–17, 45 minutes plus 15 minutes of buffer.
        Assert.Equal(["09:00-09:45", "10:00-10:45", "11:00-11:45", "13:00-13:45", "14:00-14:45", "15:00-15:45", "16:00-16:45"], Times(Demo("childcare-consultation"), new DateOnly(2026, 11, 30)));
        // Tuesday: mornings only.
        Assert.Equal(3, Times(Demo("childcare-consultation"), new DateOnly(2026, 12, 1)).Count);
    }

    [Fact]
    public void Facilities_OpenOnHolidays_ButCloseOnTheirMaintenanceDay_AndAtTheYearEnd()
    {
        var room = Demo("civic-hall-meeting-1");
        Assert.Equal(["09:00-12:00", "13:00-16:00", "18:00-21:00"], Times(room, new DateOnly(2026, 11, 23))); // 勤労感謝の日
        Assert.Equal(Refusal.Closed, Schedule.ClosedReason(room, new DateOnly(2026, 12, 14))); // second Monday
        Assert.Equal(Refusal.YearEnd, Schedule.ClosedReason(room, new DateOnly(2026, 12, 31)));
        Assert.Equal(Refusal.Holiday, Schedule.ClosedReason(Demo("moving-in-visit"), new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void Availability_IsClippedToNoticeAndHorizon_AndCountsWhatIsTaken()
    {
        var counter = Demo("moving-in-visit");
        var now = Tokyo.ToUtc(new DateOnly(2026, 12, 1), new TimeOnly(10, 10));
        var taken = new Dictionary<DateTime, Slot>
        {
            [Tokyo.ToUtc(new DateOnly(2026, 12, 1), new TimeOnly(12, 0))] = new() { Capacity = 3, Taken = 3 },
            [Tokyo.ToUtc(new DateOnly(2026, 12, 1), new TimeOnly(12, 30))] = new() { Capacity = 3, Taken = 1 },
        };
        var today = Schedule.Availability(counter, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), now, taken);
        Assert.Equal("11:30", Tokyo.Time(today[0].StartsAt)); // 11:00 is within the hour's notice
        Assert.False(today.Single(s => Tokyo.Time(s.StartsAt) == "12:00").IsFree);
        Assert.Equal(2, today.Single(s => Tokyo.Time(s.StartsAt) == "12:30").Remaining);
        Assert.Empty(Schedule.Availability(counter, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 8), now, taken)); // beyond 30 days
    }
}
