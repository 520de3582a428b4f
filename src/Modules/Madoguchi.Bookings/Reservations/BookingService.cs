using System.Net.Mail;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.Bookings.Reservations;

public sealed record Person(string Name, string Email, string Phone = "", UserCategory Category = UserCategory.Resident);

public sealed record FieldError(string Field, string MessageJa, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageJa;
}

public sealed record HoldResult(Refusal Refusal, string? Token = null, Hold? Hold = null);

/// <summary>What a booking attempt came to: a reservation (new, or the one this hold already made), a refusal, or invalid fields.</summary>
public sealed record BookingResult(Refusal Refusal, Reservation? Reservation = null, string? ManageToken = null, IReadOnlyList<FieldError>? Errors = null, bool AlreadyMade = false)
{
    public bool Succeeded => Reservation is not null && Refusal == Refusal.None && (Errors is null || Errors.Count == 0);
}

/// <summary>
/// Holds, books, changes and cancels. Every step that takes or gives back a place goes through
/// <see cref="SlotStore"/> in the caller's transaction (or one of its own), so a place is never
/// given twice; a freed place goes to the waitlist first.
/// </summary>
public sealed class BookingService(
    MadoguchiDb db,
    SlotStore slots,
    OutboxQueue outbox,
    TimeProvider clock,
    TenantContext tenant,
    BookingLinks links,
    IDataProtectionProvider protection,
    ICurrentActor actor,
    IOptions<BookingPaymentOptions> paymentOptions)
{
    public const string ProtectionPurpose = "Madoguchi.Bookings.ManageToken";

    private IDataProtector Protector => protection.CreateProtector(ProtectionPurpose);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string OrganizationCode => tenant.Organization?.Code ?? "";

    public string OrganizationName => tenant.Organization?.NameJa ?? "";

    public Task<Resource?> FindResourceAsync(string slugOrId, CancellationToken cancellationToken) =>
        Guid.TryParse(slugOrId, out var id)
            ? db.Set<Resource>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsPublished, cancellationToken)
            : db.Set<Resource>().AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slugOrId && r.IsPublished, cancellationToken);

    /// <summary>The public availability of [from, to], clipped to what the rules allow now.</summary>
    public async Task<List<SlotView>> AvailabilityAsync(Resource resource, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var fromUtc = Tokyo.ToUtc(from, TimeOnly.MinValue);
        var toUtc = Tokyo.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var rows = await db.Set<Slot>().AsNoTracking()
            .Where(s => s.ResourceId == resource.Id && s.StartsAt >= fromUtc && s.StartsAt < toUtc)
            .ToListAsync(cancellationToken);
        return Schedule.Availability(resource, from, to, Now, rows.ToDictionary(s => s.StartsAt));
    }

    /// <summary>Keeps one place for <see cref="BookingRules.HoldMinutes"/> while the person fills in the form.</summary>
    public Task<HoldResult> HoldAsync(Resource resource, DateTime startUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return InTransactionAsync(async () =>
        {
            var (refusal, slot) = await TakePlaceAsync(resource, startUtc, cancellationToken);
            if (refusal != Refusal.None)
            {
                return new HoldResult(refusal);
            }

            var token = Tokens.New();
            var hold = new Hold
            {
                Id = Guid.NewGuid(),
                SlotId = slot!.Id,
                ResourceId = resource.Id,
                TokenHash = Tokens.Hash(token),
                Status = HoldStatus.Active,
                CreatedAt = Now,
                ExpiresAt = Now.AddMinutes(resource.Rules.HoldMinutes),
            };
            db.Add(hold);
            await db.SaveChangesAsync(cancellationToken);
            return new HoldResult(Refusal.None, token, hold);
        }, cancellationToken);
    }

    public Task<Hold?> FindHoldAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(token);
        return db.Set<Hold>().AsNoTracking().FirstOrDefaultAsync(h => h.TokenHash == hash, cancellationToken);
    }

    /// <summary>Gives the place back before the hold runs out (the person chose another time).</summary>
    public Task ReleaseHoldAsync(string token, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var hash = Tokens.Hash(token);
            var hold = await db.Set<Hold>().AsNoTracking().FirstOrDefaultAsync(h => h.TokenHash == hash, cancellationToken);
            if (hold is not null && await db.Set<Hold>().Where(h => h.Id == hold.Id && h.Status == HoldStatus.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HoldStatus.Released), cancellationToken) == 1)
            {
                await PlacesFreedAsync(hold.SlotId, 1, cancellationToken);
            }

            return true;
        }, cancellationToken);

    /// <summary>
    /// Books <paramref name="startUtc"/> for <paramref name="person"/>. With a hold token the held place
    /// is used, and a second submit of the same hold answers with the reservation it already made.
    /// </summary>
    public Task<BookingResult> BookAsync(Resource resource, DateTime startUtc, Person person, IReadOnlyDictionary<string, string> answers, string? holdToken, ReservationSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(answers);
        return InTransactionAsync(async () =>
        {
            Hold? hold = null;
            if (!string.IsNullOrEmpty(holdToken))
            {
                var hash = Tokens.Hash(holdToken);
                hold = await db.Set<Hold>().AsNoTracking().FirstOrDefaultAsync(h => h.TokenHash == hash && h.ResourceId == resource.Id, cancellationToken);
                if (hold is { Status: HoldStatus.Converted, BookingId: { } madeId })
                {
                    var made = await db.Set<Reservation>().AsNoTracking().FirstAsync(r => r.Id == madeId, cancellationToken);
                    return new BookingResult(Refusal.None, made, Protector.Unprotect(made.ManageTokenProtected), AlreadyMade: true);
                }
            }

            var errors = Validate(resource, person, answers);
            if (errors.Count > 0)
            {
                return new BookingResult(Refusal.None, Errors: errors);
            }

            var slotRow = hold is null ? null : await db.Set<Slot>().AsNoTracking().FirstAsync(s => s.Id == hold.SlotId, cancellationToken);
            if (slotRow is not null)
            {
                startUtc = slotRow.StartsAt;
            }

            // A live hold keeps its place for its minutes even if the notice period closes meanwhile.
            var holdIsLive = hold is { Status: HoldStatus.Active } && hold.ExpiresAt > Now;
            var refusal = holdIsLive ? (startUtc <= Now ? Refusal.InThePast : Refusal.None) : Schedule.CheckTime(resource, startUtc, Now);
            if (refusal != Refusal.None)
            {
                return new BookingResult(refusal);
            }

            var personKey = Tokens.PersonKey(person.Email);
            if (await OverMonthlyLimitAsync(resource, personKey, startUtc, cancellationToken))
            {
                return new BookingResult(Refusal.MonthlyLimit);
            }

            // The held place, if the hold is still ours (an expired hold not yet swept still counts in Taken).
            var usedHold = hold is not null && await db.Set<Hold>().Where(h => h.Id == hold.Id && h.Status == HoldStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HoldStatus.Converted), cancellationToken) == 1;
            if (!usedHold)
            {
                var (taken, slot) = await TakePlaceAsync(resource, startUtc, cancellationToken);
                if (taken != Refusal.None)
                {
                    return new BookingResult(taken);
                }

                slotRow = slot;
            }

            var (reservation, token) = NewReservation(resource, slotRow!, person, personKey, answers, source);
            db.Add(reservation);
            await db.SaveChangesAsync(cancellationToken);
            if (usedHold)
            {
                await db.Set<Hold>().Where(h => h.Id == hold!.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.BookingId, reservation.Id), cancellationToken);
            }

            Send(BookingEmails.Kind.Confirmed, reservation, resource, token);
            await db.SaveChangesAsync(cancellationToken);
            return new BookingResult(Refusal.None, reservation, token);
        }, cancellationToken);
    }

    /// <summary>The reservation a manage token opens, or null (a wrong token and an unknown reference look the same).</summary>
    public async Task<Reservation?> FindByTokenAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var reservation = await db.Set<Reservation>().FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        return reservation is not null && Tokens.Matches(token, reservation.ManageTokenHash) ? reservation : null;
    }

    public bool CanStillChange(Reservation reservation, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(resource);
        return reservation.Status is ReservationStatus.Confirmed or ReservationStatus.Provisional
            && Now < reservation.StartsAt.AddHours(-resource.Rules.CancelDeadlineHours);
    }

    /// <summary>Cancels (by the person, before the deadline; or by staff at any time before the start).</summary>
    public Task<Refusal> CancelAsync(Reservation reservation, bool byStaff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return InTransactionAsync(async () =>
        {
            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
            if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.Provisional))
            {
                return reservation.Status == ReservationStatus.Cancelled ? Refusal.None : Refusal.CancelDeadlinePassed;
            }

            if (!byStaff && !CanStillChange(reservation, resource))
            {
                return Refusal.CancelDeadlinePassed;
            }

            // The status change is conditional, so two cancels at once free the place once.
            var now = Now;
            var changed = await db.Set<Reservation>()
                .Where(r => r.Id == reservation.Id && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.Provisional))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Cancelled).SetProperty(r => r.CancelledAt, now)
                    .SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.Sequence, r => r.Sequence + 1), cancellationToken);
            if (changed == 1)
            {
                await PlacesFreedAsync(reservation.SlotId, 1, cancellationToken);
                await db.Entry(reservation).ReloadAsync(cancellationToken);
                db.Add(AuditEntry.Create(actor.Actor, byStaff ? "booking.cancelled-by-staff" : "booking.cancelled", nameof(Reservation), reservation.Id.ToString(), "Status,CancelledAt,Sequence", now));
                Send(BookingEmails.Kind.Cancelled, reservation, resource, Protector.Unprotect(reservation.ManageTokenProtected));
                await db.SaveChangesAsync(cancellationToken);
            }

            return Refusal.None;
        }, cancellationToken);
    }

    /// <summary>Moves a reservation to another slot of the same resource (before the deadline).</summary>
    public Task<Refusal> ChangeAsync(Reservation reservation, DateTime newStartUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return InTransactionAsync(async () =>
        {
            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
            if (!CanStillChange(reservation, resource))
            {
                return Refusal.CancelDeadlinePassed;
            }

            if (newStartUtc == reservation.StartsAt)
            {
                return Refusal.None;
            }

            var (refusal, slot) = await TakePlaceAsync(resource, newStartUtc, cancellationToken, checkRules: true);
            if (refusal != Refusal.None)
            {
                return refusal;
            }

            var oldSlot = reservation.SlotId;
            reservation.SlotId = slot!.Id;
            reservation.StartsAt = slot.StartsAt;
            reservation.EndsAt = slot.EndsAt;
            reservation.Sequence++;
            reservation.UpdatedAt = Now;
            reservation.ReminderSentAt = null;
            if (reservation.AwaitsPayment && reservation.ConfirmBy is { } payBy)
            {
                // An earlier slot may bring the payment deadline forward, never later.
                var deadline = paymentOptions.Value.DeadlineFor(Now, slot.StartsAt);
                reservation.ConfirmBy = deadline < payBy ? deadline : payBy;
            }

            await db.SaveChangesAsync(cancellationToken);
            await PlacesFreedAsync(oldSlot, 1, cancellationToken);
            Send(BookingEmails.Kind.Changed, reservation, resource, Protector.Unprotect(reservation.ManageTokenProtected));
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.None;
        }, cancellationToken);
    }

    /// <summary>Staff mark that the person did not come (after the start). The place stays used.</summary>
    public async Task<bool> MarkNoShowAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        var reservation = await db.Set<Reservation>().FirstOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation is not { Status: ReservationStatus.Confirmed } || reservation.StartsAt > Now)
        {
            return false;
        }

        reservation.Status = ReservationStatus.NoShow;
        reservation.NoShowMarkedAt = Now;
        reservation.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public string IcsFor(Reservation reservation, Resource resource) =>
        IcsBuilder.ForReservation(reservation, resource, OrganizationCode, OrganizationName,
            links.Manage(reservation.Reference, Protector.Unprotect(reservation.ManageTokenProtected)), Now);

    public string ManageTokenOf(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return Protector.Unprotect(reservation.ManageTokenProtected);
    }

    /// <summary>Queues a booking email; a new booking that waits for payment gets the 仮予約 email (with the deadline) instead of the confirmation.</summary>
    internal void Send(BookingEmails.Kind kind, Reservation reservation, Resource resource, string manageToken) =>
        outbox.Enqueue(EmailOutboxHandler.MessageType,
            BookingEmails.For(kind == BookingEmails.Kind.Confirmed && reservation.AwaitsPayment ? BookingEmails.Kind.AwaitingPayment : kind,
                reservation, resource, OrganizationCode, OrganizationName, links.Manage(reservation.Reference, manageToken), Now));

    internal (Reservation Reservation, string Token) NewReservation(Resource resource, Slot slot, Person person, string personKey, IReadOnlyDictionary<string, string> answers, ReservationSource source)
    {
        var token = Tokens.New();

        // A fee makes it a 仮予約: it holds the place until paid (本予約) or until the deadline (失効).
        var fee = resource.FeeFor(person.Category);
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(),
            Reference = Tokens.NewReference(),
            ResourceId = resource.Id,
            SlotId = slot.Id,
            StartsAt = slot.StartsAt,
            EndsAt = slot.EndsAt,
            Status = fee > 0 ? ReservationStatus.Provisional : ReservationStatus.Confirmed,
            ConfirmBy = fee > 0 ? paymentOptions.Value.DeadlineFor(Now, slot.StartsAt) : null,
            Name = person.Name.Trim(),
            Email = person.Email.Trim(),
            Phone = person.Phone.Trim(),
            PersonKey = personKey,
            Category = person.Category,
            FeeYen = fee,
            Answers = answers.Where(a => resource.Questions.Any(q => q.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value.Trim()),
            ManageTokenHash = Tokens.Hash(token),
            ManageTokenProtected = Protector.Protect(token),
            VideoLink = resource.IsOnline && !string.IsNullOrEmpty(resource.VideoBaseUrl) ? $"{resource.VideoBaseUrl.TrimEnd('/')}/{Tokens.New()[..16]}" : null,
            Source = source,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        return (reservation, token);
    }

    /// <summary>
    /// Checks the rules, writes the slot row if needed, lets expired holds go, then takes one place with
    /// the conditional UPDATE. Returns the slot, or why not.
    /// </summary>
    internal async Task<(Refusal Refusal, Slot? Slot)> TakePlaceAsync(Resource resource, DateTime startUtc, CancellationToken cancellationToken, bool checkRules = true)
    {
        if (checkRules)
        {
            var refusal = Schedule.CheckTime(resource, startUtc, Now);
            if (refusal != Refusal.None)
            {
                return (refusal, null);
            }
        }

        var slot = await slots.EnsureAsync(resource, startUtc, startUtc.AddMinutes(resource.SlotMinutes), cancellationToken);
        if (slot.LotteryId is not null)
        {
            return (Refusal.InLottery, slot);
        }

        await ExpireHoldsAsync(slot.Id, cancellationToken);
        return await slots.TryTakeAsync(slot.Id, cancellationToken) ? (Refusal.None, slot) : (Refusal.Full, slot);
    }

    /// <summary>Lapsed holds of one slot (or of all, with null) give their places back.</summary>
    internal async Task<int> ExpireHoldsAsync(Guid? slotId, CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = await db.Set<Hold>().AsNoTracking()
            .Where(h => h.Status == HoldStatus.Active && h.ExpiresAt <= now && (slotId == null || h.SlotId == slotId))
            .Select(h => new { h.Id, h.SlotId })
            .ToListAsync(cancellationToken);
        var released = 0;
        foreach (var hold in expired)
        {
            if (await db.Set<Hold>().Where(h => h.Id == hold.Id && h.Status == HoldStatus.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HoldStatus.Expired), cancellationToken) == 1)
            {
                await PlacesFreedAsync(hold.SlotId, 1, cancellationToken);
                released++;
            }
        }

        return released;
    }

    /// <summary>
    /// <paramref name="places"/> places of a slot are free again: each goes to the next person on the
    /// waitlist as an offer (the place stays taken for them); what is left is given back.
    /// </summary>
    internal async Task PlacesFreedAsync(Guid slotId, int places, CancellationToken cancellationToken)
    {
        await slots.LockAsync(slotId, cancellationToken);
        var offered = 0;
        var now = Now;
        while (offered < places)
        {
            var next = await db.Set<WaitlistEntry>()
                .Where(w => w.SlotId == slotId && w.Status == WaitlistStatus.Waiting)
                .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }

            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == next.ResourceId, cancellationToken);
            var slot = await db.Set<Slot>().AsNoTracking().FirstAsync(s => s.Id == slotId, cancellationToken);
            if (slot.StartsAt <= now.AddMinutes(resource.Rules.MinNoticeMinutes))
            {
                break; // too late to offer: the place simply frees
            }

            var token = Tokens.New();
            next.Status = WaitlistStatus.Offered;
            next.OfferTokenHash = Tokens.Hash(token);
            next.OfferedAt = now;
            var deadline = now.AddMinutes(resource.Rules.WaitlistOfferMinutes);
            next.OfferExpiresAt = deadline < slot.StartsAt ? deadline : slot.StartsAt;
            outbox.Enqueue(EmailOutboxHandler.MessageType,
                BookingEmails.WaitlistOffer(next.Email, next.Name, resource, slot.StartsAt, slot.EndsAt, next.OfferExpiresAt.Value, links.Offer(token), OrganizationName));
            await db.SaveChangesAsync(cancellationToken);
            offered++;
        }

        await slots.ReleaseAsync(slotId, places - offered, cancellationToken);
    }

    private async Task<bool> OverMonthlyLimitAsync(Resource resource, string personKey, DateTime startUtc, CancellationToken cancellationToken)
    {
        var limit = resource.Rules.MaxPerPersonPerMonth;
        if (limit <= 0)
        {
            return false;
        }

        if (db.Database.IsNpgsql())
        {
            // One person's bookings of one resource are counted and added one transaction at a time.
            var lockKey = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(resource.Id + personKey)), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
        }

        var date = Tokyo.DateOf(startUtc);
        var monthStart = Tokyo.ToUtc(new DateOnly(date.Year, date.Month, 1), TimeOnly.MinValue);
        var monthEnd = Tokyo.ToUtc(new DateOnly(date.Year, date.Month, 1).AddMonths(1), TimeOnly.MinValue);
        var count = await db.Set<Reservation>().CountAsync(r => r.ResourceId == resource.Id && r.PersonKey == personKey
            && r.StartsAt >= monthStart && r.StartsAt < monthEnd
            && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.Provisional || r.Status == ReservationStatus.NoShow), cancellationToken);
        return count >= limit;
    }

    public static List<FieldError> Validate(Resource resource, Person person, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = ValidatePerson(person);
        ValidateAnswers(resource, answers, errors);
        return errors;
    }

    public static List<FieldError> ValidatePerson(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(person.Name))
        {
            errors.Add(new("name", "お名前を入力してください。", "Enter your name."));
        }
        else if (person.Name.Trim().Length > 100)
        {
            errors.Add(new("name", "お名前は100文字以内で入力してください。", "Your name can be at most 100 characters."));
        }

        var email = person.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new("email", "メールアドレスを入力してください。確認メールを送ります。", "Enter your email address: we send the confirmation there."));
        }
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new("email", "メールアドレスの形式が正しくありません（例: taro@example.jp）。", "Enter an email address like taro@example.jp."));
        }

        if ((person.Phone ?? "").Trim().Length > 30)
        {
            errors.Add(new("phone", "電話番号は30文字以内で入力してください。", "The phone number can be at most 30 characters."));
        }

        return errors;
    }

    private static void ValidateAnswers(Resource resource, IReadOnlyDictionary<string, string> answers, List<FieldError> errors)
    {
        foreach (var question in resource.Questions)
        {
            var value = answers.GetValueOrDefault(question.Key)?.Trim() ?? "";
            var field = "answer-" + question.Key;
            if (value.Length == 0)
            {
                if (question.Required)
                {
                    errors.Add(new(field, $"「{question.LabelJa}」を入力してください。", $"Answer \"{question.LabelEn}\"."));
                }

                continue;
            }

            if (value.Length > question.MaxLength)
            {
                errors.Add(new(field, $"「{question.LabelJa}」は{question.MaxLength}文字以内で入力してください。", $"\"{question.LabelEn}\" can be at most {question.MaxLength} characters."));
            }
            else if (question.Kind == QuestionKind.Number && !int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                errors.Add(new(field, $"「{question.LabelJa}」は半角数字で入力してください。", $"\"{question.LabelEn}\" must be a whole number."));
            }
            else if (question.Kind == QuestionKind.Choice && question.Choices is { } choices && !choices.Contains(value))
            {
                errors.Add(new(field, $"「{question.LabelJa}」は選択肢から選んでください。", $"Choose an option for \"{question.LabelEn}\"."));
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in the current transaction (the idempotency filter's) or in one of its own.</summary>
    internal async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
