using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.DemoContent;

/// <summary>
/// Musashino's bookable counters, consultations and facilities for the demo organisation, in our own
/// words. Hours, fees and rules are realistic examples, not the city's official figures.
/// </summary>
internal sealed class BookingsDemoContent(LotteryService lotteries, TimeProvider clock) : IDemoContent
{
    /// <summary>The demo registered group's number; its password is the demo password (README).</summary>
    public const string DemoGroupNumber = "G-0001";

    private static readonly TimeOnly T0830 = new(8, 30);
    private static readonly TimeOnly T0900 = new(9, 0);
    private static readonly TimeOnly T1200 = new(12, 0);
    private static readonly TimeOnly T1300 = new(13, 0);
    private static readonly TimeOnly T1600 = new(16, 0);
    private static readonly TimeOnly T1700 = new(17, 0);

    private static readonly DayOfWeek[] EveryDay = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var existing = await db.Set<Resource>().Select(r => r.Slug).ToListAsync(cancellationToken);
        foreach (var resource in Resources(departments).Where(r => !existing.Contains(r.Slug)))
        {
            db.Add(resource);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedLotteryAsync(db, cancellationToken);
    }

    /// <summary>
    /// One approved group (G-0001, the demo password), one waiting for approval, and a lottery for the
    /// sports ground on the first weekend at least three weeks ahead, taking applications for a week.
    /// </summary>
    private async Task SeedLotteryAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (await db.Set<UserGroup>().AnyAsync(cancellationToken) || await db.Set<FacilityLottery>().AnyAsync(cancellationToken))
        {
            return;
        }

        var approved = await lotteries.RegisterGroupAsync("武蔵野少年野球クラブ", "野球 太郎", "baseball@musashino.example", 25, isResident: true, cancellationToken);
        var tracked = await db.Set<UserGroup>().SingleAsync(g => g.Id == approved.Id, cancellationToken);
        tracked.Status = GroupStatus.Approved;
        tracked.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        tracked.SecretHash = Tokens.Hash(DemoSeeder.DemoPassword);
        await db.SaveChangesAsync(cancellationToken);
        await lotteries.RegisterGroupAsync("吉祥寺囲碁の会", "囲碁 花子", "go@musashino.example", 12, isResident: true, cancellationToken);

        var ground = await db.Set<Resource>().AsNoTracking().SingleAsync(r => r.Slug == "midoricho-ground", cancellationToken);
        var today = Tokyo.Today(clock);
        var saturday = today.AddDays(21);
        // A weekend the ground is open on both days: not in 年末年始 (29 Dec – 3 Jan) nor on a national holiday.
        while (saturday.DayOfWeek != DayOfWeek.Saturday || !OpenForLottery(saturday) || !OpenForLottery(saturday.AddDays(1)))
        {
            saturday = saturday.AddDays(1);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await lotteries.CreateAsync($"緑町スポーツ広場 グラウンド {saturday.Month}月{saturday.Day}日・{saturday.AddDays(1).Day}日の抽選",
            "Midoricho Sports Field ground lottery, " + saturday.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture) + " and the next day", [ground], saturday, saturday.AddDays(1),
            now, now.AddDays(7), now.AddDays(14), maxApplications: 3, maxWins: 1, cancellationToken);
    }

    private static bool OpenForLottery(DateOnly day) =>
        !Madoguchi.Platform.Calendar.JapaneseHolidays.IsYearEndClosure(day) && !Madoguchi.Platform.Calendar.JapaneseHolidays.IsHoliday(day);

    public static IEnumerable<Resource> Resources(IReadOnlyDictionary<string, Guid> department)
    {
        ArgumentNullException.ThrowIfNull(department);
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "moving-in-visit",
            Kind = ResourceKind.Counter,
            DepartmentId = department["citizen-services"],
            NameJa = "転入・転居の手続き（市民課窓口の来庁予約）",
            NameEn = "Moving in or within the city (visit to the Citizen Services counter)",
            DescriptionJa = "転入届・転居届を、待たずに窓口で済ませるための予約です。事前申請をした方は、予約番号と本人確認書類をお持ちください。1枠30分、同時に3組まで受け付けます。",
            DescriptionEn = "Book a time to notify your move at the counter without queueing. If you notified in advance online, bring your reference and ID. 30 minutes a slot, three households at a time.",
            LocationJa = "市役所本庁舎1階 市民課 予約窓口（5番）",
            LocationEn = "City Hall main building, 1st floor, Citizen Services, booking desk 5",
            Capacity = 3,
            SlotMinutes = 30,
            Hours = OpeningHours.Weekdays(T0830, T1700),
            Rules = new BookingRules { HorizonDays = 30, MinNoticeMinutes = 60, MaxPerPersonPerMonth = 2, CancelDeadlineHours = 2, HoldMinutes = 10 },
            Questions =
            [
                new("people", "手続きをする人数", "How many people are moving", Required: true, QuestionKind.Number, MaxLength: 2),
                new("from", "前の住所の市区町村", "Municipality you are moving from", Required: false, QuestionKind.Text, MaxLength: 50),
            ],
            ProcedureSlug = "moving-in-advance",
            SortOrder = 10,
        };
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "bereavement-visit",
            Kind = ResourceKind.Counter,
            DepartmentId = department["citizen-services"],
            NameJa = "おくやみ窓口の予約",
            NameEn = "Bereavement support counter",
            DescriptionJa = "ご家族が亡くなった後の手続きを、担当者が一度にご案内します。1枠60分です。",
            DescriptionEn = "One member of staff walks you through every procedure after a death in the family. 60 minutes a slot.",
            LocationJa = "市役所本庁舎1階 おくやみ窓口",
            LocationEn = "City Hall main building, 1st floor, bereavement counter",
            Capacity = 1,
            SlotMinutes = 60,
            Hours = OpeningHours.Weekdays(T0900, T1200).And(DayOfWeek.Monday, T1300, T1600).And(DayOfWeek.Tuesday, T1300, T1600)
                .And(DayOfWeek.Wednesday, T1300, T1600).And(DayOfWeek.Thursday, T1300, T1600).And(DayOfWeek.Friday, T1300, T1600),
            Rules = new BookingRules { HorizonDays = 21, MinNoticeMinutes = 24 * 60, CancelDeadlineHours = 3 },
            ProcedureSlug = "bereavement-appointment",
            SortOrder = 20,
        };
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "childcare-consultation",
            Kind = ResourceKind.Consultation,
            DepartmentId = department["child-support"],
            NameJa = "子育て相談（オンライン）",
            NameEn = "Parenting consultation (online)",
            DescriptionJa = "子育ての悩みや保育の利用について、保健師・相談員にビデオ通話で相談できます。予約後に通話のリンクをお送りします。1枠45分です。",
            DescriptionEn = "Talk to a public health nurse or counsellor by video about raising children or using childcare. We send the call link after booking. 45 minutes a slot.",
            LocationJa = "オンライン（ビデオ通話）",
            LocationEn = "Online (video call)",
            IsOnline = true,
            VideoBaseUrl = "https://video.musashino.example/room",
            Capacity = 1,
            SlotMinutes = 45,
            BufferMinutes = 15,
            Hours = OpeningHours.Weekdays(T0900, T1200).And(DayOfWeek.Monday, T1300, T1700).And(DayOfWeek.Wednesday, T1300, T1700).And(DayOfWeek.Friday, T1300, T1700),
            Rules = new BookingRules { HorizonDays = 28, MinNoticeMinutes = 12 * 60, MaxPerPersonPerMonth = 2, CancelDeadlineHours = 12 },
            Questions =
            [
                new("topic", "相談したいこと", "What you would like to talk about", Required: true, QuestionKind.Text, MaxLength: 400),
                new("child-age", "お子さんの年齢", "Your child's age", Required: false, QuestionKind.Text, MaxLength: 30),
            ],
            SortOrder = 30,
        };
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "care-consultation",
            Kind = ResourceKind.Consultation,
            DepartmentId = department["elderly-support"],
            NameJa = "介護保険の相談（来庁）",
            NameEn = "Long-term care insurance consultation (in person)",
            DescriptionJa = "要介護認定の申請やサービスの使い方を、窓口で相談できます。1枠60分です。",
            DescriptionEn = "Ask at the counter about applying for a care-needs assessment and using care services. 60 minutes a slot.",
            LocationJa = "市役所本庁舎1階 高齢者支援課 相談室",
            LocationEn = "City Hall main building, 1st floor, Elderly Support consultation room",
            Capacity = 2,
            SlotMinutes = 60,
            Hours = OpeningHours.Weekdays(T0900, T1200).And(DayOfWeek.Tuesday, T1300, T1600).And(DayOfWeek.Thursday, T1300, T1600),
            Rules = new BookingRules { HorizonDays = 30, MinNoticeMinutes = 24 * 60, CancelDeadlineHours = 24 },
            Questions = [new("for-whom", "相談の対象の方", "Who the consultation is about", Required: true, QuestionKind.Choice, MaxLength: 20, Choices: ["本人 / Myself", "家族 / A family member", "その他 / Someone else"])],
            ProcedureSlug = "long-term-care-application",
            SortOrder = 40,
        };
        // 市民健診（集団健診）: many places a day, booked in a rush when the year's dates open (the bench's booking-rush).
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "health-checkup",
            Kind = ResourceKind.Counter,
            DepartmentId = department["health"],
            NameJa = "市民健診（集団健診）の予約",
            NameEn = "Residents' health check-up (group session)",
            DescriptionJa = "保健センターで受ける集団健診の予約です。1枠15分、同時に10人まで受け付けます。受診券と保険証をお持ちください。",
            DescriptionEn = "Book a group health check-up at the Health Centre. 15 minutes a slot, ten people at a time. Bring your check-up voucher and health insurance card.",
            LocationJa = "保健センター 1階 健診会場",
            LocationEn = "Health Centre, 1st floor, check-up hall",
            Capacity = 10,
            SlotMinutes = 15,
            Hours = OpeningHours.Weekdays(T0900, T1200).And(DayOfWeek.Monday, T1300, T1600).And(DayOfWeek.Tuesday, T1300, T1600)
                .And(DayOfWeek.Wednesday, T1300, T1600).And(DayOfWeek.Thursday, T1300, T1600).And(DayOfWeek.Friday, T1300, T1600),
            Rules = new BookingRules { HorizonDays = 60, MinNoticeMinutes = 24 * 60, MaxPerPersonPerMonth = 1, CancelDeadlineHours = 24, HoldMinutes = 10 },
            SortOrder = 45,
        };
        yield return Room("civic-hall-meeting-1", "市民会館 第1会議室（定員30人）", "Civic Hall, Meeting Room 1 (30 people)", "会議・講座・サークル活動に使える洋室です。机と椅子、ホワイトボードがあります。", "A meeting room for meetings, classes and club activities, with tables, chairs and a whiteboard.", "市民会館 2階", "Civic Hall, 2nd floor", department, 1200, 50);
        yield return Room("civic-hall-japanese-room", "市民会館 和室（定員20人）", "Civic Hall, Japanese-style Room (20 people)", "茶道・華道・囲碁などに使える畳の部屋です。", "A tatami room for tea ceremony, flower arrangement, go and the like.", "市民会館 3階", "Civic Hall, 3rd floor", department, 900, 60);
        yield return new Resource
        {
            Id = Guid.NewGuid(),
            Slug = "midoricho-ground",
            Kind = ResourceKind.Facility,
            DepartmentId = department["lifelong-learning"],
            NameJa = "緑町スポーツ広場 グラウンド",
            NameEn = "Midoricho Sports Field, ground",
            DescriptionJa = "少年野球・サッカーに使える土のグラウンドです。2時間単位で貸し出します。雨天時は中止の連絡をします。",
            DescriptionEn = "A dirt ground for youth baseball and football, let in 2-hour blocks. We tell you if rain closes it.",
            LocationJa = "緑町スポーツ広場",
            LocationEn = "Midoricho Sports Field",
            Capacity = 1,
            SlotMinutes = 120,
            Hours = OpeningHours.Days(T0900, T1700, EveryDay),
            ClosedOnHolidays = false,
            FeeResidentYen = 2000,
            FeeNonResidentYen = 4000,
            FeeGroupYen = 2000,
            Rules = new BookingRules { HorizonDays = 60, MinNoticeMinutes = 24 * 60, MaxPerPersonPerMonth = 4, CancelDeadlineHours = 72, HoldMinutes = 15 },
            Questions =
            [
                new("users", "利用人数", "Number of users", Required: true, QuestionKind.Number, MaxLength: 3),
                new("purpose", "利用目的", "Purpose", Required: true, QuestionKind.Text, MaxLength: 200),
            ],
            SortOrder = 70,
        };
    }

    private static Resource Room(string slug, string nameJa, string nameEn, string descriptionJa, string descriptionEn, string locationJa, string locationEn,
        IReadOnlyDictionary<string, Guid> department, int fee, int sortOrder) => new()
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Kind = ResourceKind.Facility,
            DepartmentId = department["lifelong-learning"],
            NameJa = nameJa,
            NameEn = nameEn,
            DescriptionJa = descriptionJa + "午前（9時〜12時）・午後（13時〜16時）・夜間（18時〜21時）の区分で貸し出します。毎月第2月曜日は点検のため休館します。",
            DescriptionEn = descriptionEn + " Let by morning (9–12), afternoon (13–16) and evening (18–21). Closed on the second Monday of each month for maintenance.",
            LocationJa = locationJa,
            LocationEn = locationEn,
            Capacity = 1,
            SlotMinutes = 180,
            Hours = new OpeningHours { Periods = [.. EveryDay.SelectMany(d => new[] { new OpeningPeriod(d, T0900, T1200), new OpeningPeriod(d, T1300, T1600), new OpeningPeriod(d, new TimeOnly(18, 0), new TimeOnly(21, 0)) })] },
            ClosedOnHolidays = false,
            ClosedDates = string.Join(' ', SecondMondays(2026, 2028).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            FeeResidentYen = fee,
            FeeNonResidentYen = fee * 2,
            FeeGroupYen = fee,
            Rules = new BookingRules { HorizonDays = 60, MinNoticeMinutes = 24 * 60, MaxPerPersonPerMonth = 4, CancelDeadlineHours = 72, HoldMinutes = 15 },
            Questions =
            [
                new("users", "利用人数", "Number of users", Required: true, QuestionKind.Number, MaxLength: 3),
                new("purpose", "利用目的", "Purpose", Required: true, QuestionKind.Text, MaxLength: 200),
            ],
            SortOrder = sortOrder,
        };

    private static IEnumerable<DateOnly> SecondMondays(int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var first = new DateOnly(year, month, 1);
                yield return first.AddDays((((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7) + 7);
            }
        }
    }
}
