using System.Globalization;
using System.Text.Json;
using Madoguchi.Bookings.Contracts;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Http;
using Madoguchi.Platform.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Api;

/// <summary>
/// Reservations as JSON: resources, availability, holds, bookings (with <c>Idempotency-Key</c>), the
/// booking's iCalendar, cancellation by manage token, and lotteries. Public and rate-limited; the manage
/// token is the holder's credential. Times are ISO 8601 with the +09:00 offset.
/// </summary>
public static class BookingsApi
{
    public sealed record ResourceDto(Guid Id, string Slug, string Kind, string Name, string Description, string Location, bool Online,
        int Capacity, int SlotMinutes, int BufferMinutes, FeesDto Fees, RulesDto Rules, IReadOnlyList<QuestionDto> Questions, string? Procedure);

    public sealed record FeesDto(int Resident, int NonResident, int Group);

    public sealed record RulesDto(int HorizonDays, int MinNoticeMinutes, int MaxPerPersonPerMonth, int CancelDeadlineHours, int HoldMinutes);

    public sealed record QuestionDto(string Key, string Label, bool Required, string Kind, int MaxLength, IReadOnlyList<string>? Choices);

    public sealed record SlotDto(string Start, string End, int Capacity, int Remaining);

    public sealed record HoldRequest(string? ResourceId, string? Start);

    public sealed record HoldDto(string Token, string Start, string End, string ExpiresAt);

    public sealed record BookingRequest(string? ResourceId, string? Start, string? End, string? Name, string? Email, string? Phone, string? Category,
        Dictionary<string, string>? Answers, string? HoldToken);

    /// <summary>A booking; <c>status</c> is confirmed, provisional (仮予約: to be paid by <c>payBy</c>, or a lottery win to confirm), cancelled, lapsed (失効) or noshow.</summary>
    public sealed record BookingDto(string Reference, string Status, string Resource, string Start, string End, int Fee, string? VideoLink, string IcsUrl, string ManageUrl, string? PayBy = null);

    public sealed record TokenRequest(string? Token);

    public sealed record StatusDto(string Reference, string Status);

    public sealed record LotteryDto(Guid Id, string Title, string Status, string ApplicationsOpenAt, string ApplicationsCloseAt, string ConfirmBy,
        int MaxApplicationsPerGroup, int MaxWinsPerGroup, string SeedCommitment, string? Seed, JsonElement? Inputs, JsonElement? Result, IReadOnlyList<string> Slots);

    public sealed record WishDto(string? ResourceId, string? Start);

    public sealed record ApplicationRequest(string? GroupNumber, string? GroupPassword, List<WishDto>? Wishes);

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("Bookings").AllowAnonymous();
        api.MapGet("/resources", ListResources).WithName("ListBookableResources")
            .WithSummary("Bookable resources: counters (窓口), consultations (相談) and facilities (施設); kind=counter|consultation|facility filters.");
        api.MapGet("/resources/{id}/availability", Availability).WithName("GetAvailability")
            .WithSummary("Slots of a resource (id or slug) from..to (YYYY-MM-DD, JST, at most 62 days): start, end, capacity, remaining.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/bookings/holds", CreateHold).WithName("CreateHold")
            .WithSummary("Holds one place for a few minutes while the person fills in the form; pass its token as holdToken when booking.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotency().AddEndpointFilter<AnonymousIdempotencyFilter>();
        api.MapPost("/bookings/holds/release", ReleaseHold).WithName("ReleaseHold")
            .WithSummary("Gives a held place back before the hold runs out.");
        api.MapPost("/bookings", CreateBooking).WithName("CreateBooking")
            .WithSummary("Books a slot. 409 problem+json when the slot is full or outside the rules (reason and other free slots included). Send Idempotency-Key: without an account it must be at least 16 characters (ADR 0031).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency().AddEndpointFilter<AnonymousIdempotencyFilter>();
        api.MapGet("/bookings/{reference}", GetBooking).WithName("GetBooking")
            .WithSummary("A booking, for the holder of its manage token (?token=).").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bookings/{reference}/ics", GetIcs).WithName("GetBookingIcs")
            .WithSummary("The booking as iCalendar (text/calendar); SEQUENCE grows with changes, METHOD:CANCEL once cancelled.")
            .Produces(StatusCodes.Status200OK, contentType: IcsBuilder.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/bookings/{reference}/cancel", Cancel).WithName("CancelBooking")
            .WithSummary("Cancels with the manage token ({ \"token\": \"…\" }); the place is free again (or offered to the waitlist).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/lotteries/{id:guid}", GetLottery).WithName("GetLottery")
            .WithSummary("A facility lottery: window, limits, the seed's SHA-256 commitment; after the draw the seed, the inputs and the result, so anyone can re-run it (ADR 0033).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/lotteries/{id:guid}/applications", Apply).WithName("ApplyToLottery")
            .WithSummary("A registered group's wishes in preference order (replaces its earlier application).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/api/v1/lotteries/{id:guid}/draw", Draw).WithTags("Bookings").WithName("DrawLottery")
            .WithSummary("Staff: runs the draw once (a second call returns the same result).")
            .RequireAuthorization("staff")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static async Task<Results<Ok<List<ResourceDto>>, ProblemHttpResult>> ListResources(string? kind, MadoguchiDb db, CancellationToken cancellationToken)
    {
        ResourceKind? filter = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<ResourceKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return Problem(StatusCodes.Status400BadRequest, "invalid-kind", "kind は counter・consultation・facility のいずれかです。", "kind must be counter, consultation or facility.");
            }

            filter = parsed;
        }

        var english = English;
        var resources = await db.Set<Resource>().AsNoTracking().Where(r => r.IsPublished && (filter == null || r.Kind == filter))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Slug).ToListAsync(cancellationToken);
        return TypedResults.Ok(resources.Select(r => ToDto(r, english)).ToList());
    }

    internal static ResourceDto ToDto(Resource r, bool english) => new(
        r.Id, r.Slug, r.Kind.ToString().ToLowerInvariant(), r.Name(english), r.Description(english), r.Location(english), r.IsOnline,
        r.Capacity, r.SlotMinutes, r.BufferMinutes, new FeesDto(r.FeeResidentYen, r.FeeNonResidentYen, r.FeeGroupYen),
        new RulesDto(r.Rules.HorizonDays, r.Rules.MinNoticeMinutes, r.Rules.MaxPerPersonPerMonth, r.Rules.CancelDeadlineHours, r.Rules.HoldMinutes),
        [.. r.Questions.Select(q => new QuestionDto(q.Key, q.Label(english), q.Required, q.Kind.ToString().ToLowerInvariant(), q.MaxLength, q.Choices))],
        r.ProcedureSlug);

    private static async Task<Results<Ok<List<SlotDto>>, ProblemHttpResult>> Availability(string id, string? from, string? to, BookingService bookings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var resource = await bookings.FindResourceAsync(id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        var today = Tokyo.Today(clock);
        if (!TryDate(from, today, out var fromDate) || !TryDate(to, fromDate.AddDays(6), out var toDate) || toDate < fromDate || toDate.DayNumber - fromDate.DayNumber > 62)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-range", "from と to は YYYY-MM-DD 形式で、from ≦ to、期間は62日以内にしてください。", "from and to are YYYY-MM-DD dates with from <= to, at most 62 days apart.");
        }

        var slots = await bookings.AvailabilityAsync(resource, fromDate, toDate, cancellationToken);
        return TypedResults.Ok(slots.Where(s => !s.InLottery).Select(s => new SlotDto(Tokyo.Iso(s.StartsAt), Tokyo.Iso(s.EndsAt), s.Capacity, s.Remaining)).ToList());
    }

    private static async Task<Results<Created<HoldDto>, ProblemHttpResult>> CreateHold(HoldRequest request, BookingService bookings, CancellationToken cancellationToken)
    {
        var resource = request.ResourceId is null ? null : await bookings.FindResourceAsync(request.ResourceId, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        if (!TryInstant(request.Start, out var start))
        {
            return InvalidStart();
        }

        var result = await bookings.HoldAsync(resource, start, cancellationToken);
        if (result.Refusal != Refusal.None)
        {
            return await RefusedAsync(bookings, resource, start, result.Refusal, cancellationToken);
        }

        return TypedResults.Created((string?)null, new HoldDto(result.Token!, Tokyo.Iso(start), Tokyo.Iso(start.AddMinutes(resource.SlotMinutes)), Tokyo.Iso(result.Hold!.ExpiresAt)));
    }

    private static async Task<Ok> ReleaseHold(TokenRequest request, BookingService bookings, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.Token))
        {
            await bookings.ReleaseHoldAsync(request.Token, cancellationToken);
        }

        return TypedResults.Ok();
    }

    private static async Task<Results<Created<BookingDto>, ValidationProblem, ProblemHttpResult>> CreateBooking(BookingRequest request, BookingService bookings, BookingLinks links, CancellationToken cancellationToken)
    {
        var resource = request.ResourceId is null ? null : await bookings.FindResourceAsync(request.ResourceId, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        DateTime start = default;
        if (string.IsNullOrEmpty(request.HoldToken) && !TryInstant(request.Start, out start))
        {
            return InvalidStart();
        }

        if (!string.IsNullOrEmpty(request.Start) && !TryInstant(request.Start, out start))
        {
            return InvalidStart();
        }

        if (!string.IsNullOrEmpty(request.End) && (!TryInstant(request.End, out var end) || end != start.AddMinutes(resource.SlotMinutes)))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-end", $"end は start の{resource.SlotMinutes}分後です（省略できます）。", $"end must be {resource.SlotMinutes} minutes after start (or left out).");
        }

        var category = UserCategory.Resident;
        if (!string.IsNullOrEmpty(request.Category) && (!Enum.TryParse(request.Category, ignoreCase: true, out category) || !Enum.IsDefined(category) || int.TryParse(request.Category, out _)))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-category", "category は resident・nonresident・group のいずれかです。", "category must be resident, nonresident or group.");
        }

        var person = new Person(request.Name ?? "", request.Email ?? "", request.Phone ?? "", category);
        var result = await bookings.BookAsync(resource, start, person, request.Answers ?? [], request.HoldToken, ReservationSource.Api, cancellationToken);
        if (result.Errors is { Count: > 0 } errors)
        {
            var english = English;
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message(english)).ToArray()),
                title: "入力内容を確認してください / Check the details", type: "https://madoguchi.example/problems/validation");
        }

        if (result.Refusal != Refusal.None)
        {
            return await RefusedAsync(bookings, resource, start, result.Refusal, cancellationToken);
        }

        var dto = ToDto(result.Reservation!, resource, result.ManageToken!, links);
        return TypedResults.Created($"/api/v1/bookings/{dto.Reference}", dto);
    }

    private static BookingDto ToDto(Reservation r, Resource resource, string token, BookingLinks links) =>
        new(r.Reference, r.Status.ToString().ToLowerInvariant(), resource.Slug, Tokyo.Iso(r.StartsAt), Tokyo.Iso(r.EndsAt), r.FeeYen, r.VideoLink,
            links.Ics(r.Reference, token), links.Manage(r.Reference, token), r.AwaitsPayment && r.ConfirmBy is { } payBy ? Tokyo.Iso(payBy) : null);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(string reference, string? token, BookingService bookings, BookingPayments payments, BookingLinks links, MadoguchiDb db, CancellationToken cancellationToken)
    {
        var reservation = await bookings.FindByTokenAsync(reference, token, cancellationToken);
        if (reservation is null)
        {
            return NotFound();
        }

        // A 仮予約 paid meanwhile answers as confirmed at once (not only after the next maintenance pass).
        if (reservation.AwaitsPayment && await payments.ConfirmIfPaidAsync(reservation, cancellationToken))
        {
            await db.Entry(reservation).ReloadAsync(cancellationToken);
        }

        var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
        return TypedResults.Ok(ToDto(reservation, resource, token!, links));
    }

    private static async Task<IResult> GetIcs(string reference, string? token, BookingService bookings, MadoguchiDb db, CancellationToken cancellationToken)
    {
        var reservation = await bookings.FindByTokenAsync(reference, token, cancellationToken);
        if (reservation is null)
        {
            return NotFound();
        }

        var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
        return Results.Text(bookings.IcsFor(reservation, resource), IcsBuilder.ContentType + "; charset=utf-8");
    }

    private static async Task<Results<Ok<StatusDto>, ProblemHttpResult>> Cancel(string reference, TokenRequest request, BookingService bookings, CancellationToken cancellationToken)
    {
        var reservation = await bookings.FindByTokenAsync(reference, request.Token, cancellationToken);
        if (reservation is null)
        {
            return NotFound();
        }

        var refusal = await bookings.CancelAsync(reservation, byStaff: false, cancellationToken);
        if (refusal != Refusal.None)
        {
            return Problem(StatusCodes.Status409Conflict, RefusalText.Code(refusal), RefusalText.Ja(refusal), RefusalText.En(refusal));
        }

        return TypedResults.Ok(new StatusDto(reservation.Reference, reservation.Status.ToString().ToLowerInvariant()));
    }

    private static async Task<Results<Ok<LotteryDto>, ProblemHttpResult>> GetLottery(Guid id, LotteryService lotteries, MadoguchiDb db, CancellationToken cancellationToken)
    {
        var lottery = await lotteries.FindAsync(id, cancellationToken);
        if (lottery is null)
        {
            return NotFound();
        }

        var ids = lottery.Resources.ToList();
        var resources = await db.Set<Resource>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var slots = lottery.Status == LotteryStatus.Completed ? [] : await lotteries.SlotsOfAsync(id, cancellationToken);
        return TypedResults.Ok(new LotteryDto(lottery.Id, lottery.Title(English), lottery.Status.ToString().ToLowerInvariant(),
            Tokyo.Iso(lottery.ApplicationsOpenAt), Tokyo.Iso(lottery.ApplicationsCloseAt), Tokyo.Iso(lottery.ConfirmBy),
            lottery.MaxApplicationsPerGroup, lottery.MaxWinsPerGroup, lottery.SeedCommitment, lottery.Seed,
            lottery.PublishedInputs is null ? null : JsonDocument.Parse(lottery.PublishedInputs).RootElement.Clone(),
            lottery.PublishedResult is null ? null : JsonDocument.Parse(lottery.PublishedResult).RootElement.Clone(),
            [.. slots.Where(s => resources.ContainsKey(s.ResourceId)).Select(s => LotteryService.Label(resources[s.ResourceId], s.StartsAt))]));
    }

    private static async Task<Results<Created, ProblemHttpResult>> Apply(Guid id, ApplicationRequest request, LotteryService lotteries, BookingService bookings, CancellationToken cancellationToken)
    {
        var group = await lotteries.SignInGroupAsync(request.GroupNumber ?? "", request.GroupPassword ?? "", cancellationToken);
        if (group is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "group-sign-in", "利用者番号またはパスワードが違うか、登録が承認されていません。", "Wrong group number or password, or the registration is not approved yet.");
        }

        var wishes = new List<LotteryWish>();
        foreach (var wish in request.Wishes ?? [])
        {
            var resource = wish.ResourceId is null ? null : await bookings.FindResourceAsync(wish.ResourceId, cancellationToken);
            if (resource is null || !TryInstant(wish.Start, out var start))
            {
                return Problem(StatusCodes.Status400BadRequest, "invalid-wish", "希望の施設（resourceId）と開始日時（start）を指定してください。", "Each wish needs a resourceId and a start.");
            }

            wishes.Add(new LotteryWish(resource.Id, start));
        }

        var refusal = await lotteries.ApplyAsync(id, group, wishes, cancellationToken);
        return refusal switch
        {
            LotteryRefusal.None => TypedResults.Created($"/api/v1/lotteries/{id}"),
            LotteryRefusal.NotFound => NotFound(),
            _ => Problem(StatusCodes.Status409Conflict, "lottery-" + refusal.ToString().ToLowerInvariant(), LotteryText.Ja(refusal), LotteryText.En(refusal)),
        };
    }

    private static async Task<Results<Ok<DrawResult>, ProblemHttpResult>> Draw(Guid id, LotteryService lotteries, MadoguchiDb db, HttpContext http, CancellationToken cancellationToken)
    {
        // Least privilege: only staff of a department that owns one of the lottery's facilities (or organisation-wide admins) draw.
        var lottery = await db.Set<FacilityLottery>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lottery is null)
        {
            return NotFound();
        }

        var resourceIds = lottery.ResourceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var departments = await db.Set<Resource>().AsNoTracking().Where(r => resourceIds.Contains(r.Id)).Select(r => r.DepartmentId).ToListAsync(cancellationToken);
        var scope = await Madoguchi.Platform.Identity.DepartmentScope.ForAsync(db, http.User, cancellationToken);
        if (!scope.All && !departments.Any(scope.Allows))
        {
            return Problem(StatusCodes.Status403Forbidden, "lottery-forbidden", "この抽選を実施できるのは、施設を所管する課の職員だけです。", "Only staff of the department that runs these facilities can draw this lottery.");
        }

        var (refusal, result) = await lotteries.DrawAsync(id, cancellationToken);
        return refusal switch
        {
            LotteryRefusal.None or LotteryRefusal.AlreadyDrawn => TypedResults.Ok(result!),
            LotteryRefusal.NotFound => NotFound(),
            _ => Problem(StatusCodes.Status409Conflict, "lottery-" + refusal.ToString().ToLowerInvariant(), LotteryText.Ja(refusal), LotteryText.En(refusal)),
        };
    }

    /// <summary>409 with the reason and, when the slot is full, up to five free slots nearby.</summary>
    private static async Task<ProblemHttpResult> RefusedAsync(BookingService bookings, Resource resource, DateTime start, Refusal refusal, CancellationToken cancellationToken)
    {
        var day = start == default ? DateOnly.FromDateTime(DateTime.UtcNow) : Tokyo.DateOf(start);
        var nearby = await bookings.AvailabilityAsync(resource, day, day.AddDays(7), cancellationToken);
        var alternatives = nearby.Where(s => s.IsFree && s.StartsAt != start).Take(5)
            .Select(s => new SlotDto(Tokyo.Iso(s.StartsAt), Tokyo.Iso(s.EndsAt), s.Capacity, s.Remaining)).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            type: "https://madoguchi.example/problems/booking-" + RefusalText.Code(refusal),
            title: $"{RefusalText.Ja(refusal)} / {RefusalText.En(refusal)}",
            detail: "空いている枠（alternatives）から選び直してください。 Choose again from the free slots (alternatives).",
            extensions: new Dictionary<string, object?> { ["reason"] = RefusalText.Code(refusal), ["alternatives"] = alternatives });
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>An ISO 8601 instant with an offset (or Z); a time without one is read as JST.</summary>
    internal static bool TryInstant(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        utc = hasOffset ? parsed.UtcDateTime : DateTime.SpecifyKind(parsed.DateTime - Tokyo.Offset, DateTimeKind.Utc);
        return true;
    }

    private static ProblemHttpResult InvalidStart() =>
        Problem(StatusCodes.Status400BadRequest, "invalid-start", "start は ISO 8601 の日時です（例: 2026-12-01T09:00:00+09:00）。", "start must be an ISO 8601 date and time, e.g. 2026-12-01T09:00:00+09:00.");

    private static ProblemHttpResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "not-found", "見つかりません。予約番号・リンク・ID を確かめてください。", "Not found: check the reference, link or id.");

    private static ProblemHttpResult Problem(int status, string code, string ja, string en) =>
        TypedResults.Problem(statusCode: status, type: "https://madoguchi.example/problems/" + code, title: $"{ja} / {en}");
}

/// <summary>Lottery refusals in words.</summary>
public static class LotteryText
{
    public static string Ja(LotteryRefusal refusal) => refusal switch
    {
        LotteryRefusal.GroupNotApproved => "利用者登録が承認されていません。",
        LotteryRefusal.WindowClosed => "申込期間ではありません。",
        LotteryRefusal.TooManyWishes => "希望の数が上限を超えているか、1つも選ばれていません。",
        LotteryRefusal.NotALotterySlot => "抽選の対象ではない枠が含まれています。",
        LotteryRefusal.DuplicateWish => "同じ枠を2回以上選んでいます。",
        LotteryRefusal.NotYetClosed => "申込期間が終わるまで抽選できません。",
        LotteryRefusal.AlreadyDrawn => "抽選は実施済みです。",
        _ => "見つかりません。",
    };

    public static string En(LotteryRefusal refusal) => refusal switch
    {
        LotteryRefusal.GroupNotApproved => "The group's registration is not approved.",
        LotteryRefusal.WindowClosed => "Applications are not open.",
        LotteryRefusal.TooManyWishes => "Choose at least one slot and no more than the limit.",
        LotteryRefusal.NotALotterySlot => "A chosen slot is not part of this lottery.",
        LotteryRefusal.DuplicateWish => "The same slot is chosen twice.",
        LotteryRefusal.NotYetClosed => "The draw can run only after applications close.",
        LotteryRefusal.AlreadyDrawn => "The lottery has been drawn.",
        _ => "Not found.",
    };
}
