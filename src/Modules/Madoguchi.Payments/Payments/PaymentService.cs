using System.Security.Cryptography;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Payments.Refunds;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Idempotency;
using Madoguchi.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Payments.Payments;

/// <summary>What a caller asks for: amount in yen, its reference, a description and where to return.</summary>
public sealed record NewPayment(long AmountYen, string Reference, string Description, string ReturnUrl, Guid? DepartmentId = null,
    string Gateway = "simulated", string Channel = "online", string? PayerName = null, DateOnly? DueDate = null);

/// <summary>A state the gateway reports (webhook or status poll).</summary>
public sealed record GatewayEvent(PaymentStatus Status, long AmountYen, string? FailureCode, string Source);

/// <summary>Outcome of applying an event or a command.</summary>
public enum TransitionOutcome
{
    Applied,

    /// <summary>Already there or beyond: a duplicate or late event, nothing changed.</summary>
    Ignored,

    /// <summary>The table does not allow it (e.g. capture after cancel).</summary>
    NotAllowed,
    NotFound,
}

/// <summary>
/// Every change to a payment: checks <see cref="PaymentLifecycle"/>, records a
/// <see cref="PaymentTransition"/>, bumps <see cref="Payment.Version"/>. A concurrent writer makes
/// SaveChanges fail on the version; the operation then re-reads and decides again.
/// </summary>
public sealed partial class PaymentService(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, Outbox outbox, IConfiguration configuration, ILogger<PaymentService> logger)
{
    /// <summary>Default time an online payment may stay unpaid (<c>Payments:ExpireAfter</c>, e.g. <c>01:30:00</c>).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(90);
    private const int Attempts = 5;

    /// <summary>How long an online payment may stay unpaid before the expiry job marks it expired.</summary>
    public TimeSpan ExpireAfter => configuration.GetValue("Payments:ExpireAfter", Lifetime) is { } value && value > TimeSpan.Zero ? value : Lifetime;

    /// <summary>
    /// When a new payment expires: a slip (納付書) with a due date (納期限) at the end of that JST day,
    /// an online payment <see cref="ExpireAfter"/> after it was created.
    /// </summary>
    public DateTime ExpiryFor(DateTime createdAt, DateOnly? dueDate) =>
        dueDate is { } due ? JstDay.Bounds(due).To : createdAt + ExpireAfter;

    public Task<Payment?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Payment>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<List<PaymentTransition>> HistoryAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<PaymentTransition>().AsNoTracking().Where(t => t.PaymentId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public async Task<Payment> CreateAsync(NewPayment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Now;
        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            Reference = request.Reference,
            PaymentNumber = NewPaymentNumber(),
            Description = request.Description,
            AmountYen = request.AmountYen,
            ReturnUrl = request.ReturnUrl,
            Gateway = request.Gateway,
            Channel = request.Channel,
            DepartmentId = request.DepartmentId,
            PayerName = request.PayerName,
            DueDate = request.DueDate,
            Status = PaymentStatus.Created,
            CreatedBy = actor.Actor,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = ExpiryFor(now, request.DueDate),
            Version = 1,
        };
        db.Set<Payment>().Add(payment);
        db.Set<PaymentTransition>().Add(new PaymentTransition
        {
            PaymentId = payment.Id,
            From = PaymentStatus.Created,
            To = PaymentStatus.Created,
            Source = request.Channel == "online" ? "api" : "counter",
            Actor = actor.Actor,
            OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return payment;
    }

    /// <summary>
    /// Applies a gateway state. Reachable from here: moves there in one recorded step (so an
    /// out-of-order <c>captured</c> is correct). Same or behind: ignored. Unreachable: not allowed.
    /// </summary>
    public Task<TransitionOutcome> ApplyAsync(Guid paymentId, GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        return WithRetryAsync(paymentId, payment =>
        {
            if (payment.Status == gatewayEvent.Status || !PaymentLifecycle.IsReachable(payment.Status, gatewayEvent.Status))
            {
                return PaymentLifecycle.IsReachable(gatewayEvent.Status, payment.Status) || payment.Status == gatewayEvent.Status || PaymentLifecycle.IsFinal(payment.Status)
                    ? TransitionOutcome.Ignored
                    : TransitionOutcome.NotAllowed;
            }

            if (gatewayEvent.Status is PaymentStatus.Refunded or PaymentStatus.PartiallyRefunded)
            {
                // Refunds are ours to start (RefundService); a gateway never moves them.
                return TransitionOutcome.Ignored;
            }

            var amount = 0L;
            if (gatewayEvent.Status == PaymentStatus.Captured)
            {
                amount = gatewayEvent.AmountYen;
                payment.CapturedYen = amount;
                payment.CapturedAt = Now;
                if (amount != payment.AmountYen)
                {
                    LogAmountMismatch(logger, payment.Id, payment.AmountYen, amount);
                }
            }

            payment.FailureCode = gatewayEvent.Status is PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired ? gatewayEvent.FailureCode : null;
            Move(payment, gatewayEvent.Status, amount, gatewayEvent.Source, payment.FailureCode);
            return TransitionOutcome.Applied;
        }, cancellationToken);
    }

    /// <summary>
    /// A caller or the citizen cancels before paying (GOV.UK Pay's cancel): created, started or
    /// authorised (the hold is released) become cancelled; cancelling twice is ignored.
    /// </summary>
    public Task<TransitionOutcome> CancelAsync(Guid paymentId, string source, CancellationToken cancellationToken) =>
        WithRetryAsync(paymentId, payment =>
        {
            if (!PaymentLifecycle.CanMove(payment.Status, PaymentStatus.Cancelled))
            {
                return payment.Status == PaymentStatus.Cancelled ? TransitionOutcome.Ignored : TransitionOutcome.NotAllowed;
            }

            payment.FailureCode = FailureCodes.Abandoned;
            Move(payment, PaymentStatus.Cancelled, 0, source, FailureCodes.Abandoned);
            Publish(payment);
            return TransitionOutcome.Applied;
        }, cancellationToken);

    /// <summary>
    /// Captures an authorised payment (売上確定) for its full amount. Only <c>authorised</c> can be
    /// captured: anything else is not allowed (the API answers 409 with the current status). A
    /// concurrent cancel and capture resolve on <see cref="Payment.Version"/>: exactly one wins.
    /// </summary>
    public Task<TransitionOutcome> CaptureAsync(Guid paymentId, string source, CancellationToken cancellationToken) =>
        WithRetryAsync(paymentId, payment =>
        {
            if (payment.Status != PaymentStatus.Authorised)
            {
                return TransitionOutcome.NotAllowed;
            }

            payment.CapturedYen = payment.AmountYen;
            payment.CapturedAt = Now;
            payment.FailureCode = null;
            Move(payment, PaymentStatus.Captured, payment.AmountYen, source, null);
            Publish(payment);
            return TransitionOutcome.Applied;
        }, cancellationToken);

    /// <summary>Unpaid payments (created or started) expire; an authorised one holds money and waits for capture or cancel.</summary>
    public static bool IsExpirable(PaymentStatus status) => status is PaymentStatus.Created or PaymentStatus.Started;

    /// <summary>Unpaid after <see cref="Payment.ExpiresAt"/>: expired (also checked when the payment is read).</summary>
    public async Task ExpireIfDueAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.ExpiresAt <= Now && IsExpirable(payment.Status))
        {
            await ExpireAsync(payment.Id, cancellationToken);
            await db.Entry(payment).ReloadAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Expires one payment if it is still unpaid and due, with its history step and a
    /// <see cref="PaymentStatusChanged"/> event. Safe when several app instances run the expiry job:
    /// the version check lets one win; the others re-read, see <c>expired</c> and do nothing.
    /// </summary>
    public Task<TransitionOutcome> ExpireAsync(Guid paymentId, CancellationToken cancellationToken) =>
        WithRetryAsync(paymentId, p =>
        {
            if (p.ExpiresAt > Now || !IsExpirable(p.Status))
            {
                return TransitionOutcome.Ignored;
            }

            p.FailureCode = FailureCodes.TimedOut;
            Move(p, PaymentStatus.Expired, 0, "expiry", FailureCodes.TimedOut);
            Publish(p);
            return TransitionOutcome.Applied;
        }, cancellationToken);

    /// <summary>Ids of unpaid payments past their expiry, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<List<Guid>> DueForExpiryAsync(int limit, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Set<Payment>().AsNoTracking()
            .Where(p => (p.Status == PaymentStatus.Created || p.Status == PaymentStatus.Started) && p.ExpiresAt <= now)
            .OrderBy(p => p.ExpiresAt).Select(p => p.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes <see cref="PaymentStatusChanged"/> to the outbox in the same transaction as the change:
    /// the calling system's webhook, and modules that wait on a reference (bookings), learn of it.
    /// </summary>
    internal void Publish(Payment payment) =>
        outbox.Enqueue(PaymentStatusChanged.Type, new PaymentStatusChanged(Guid.NewGuid(), payment.Id, payment.Reference,
            PaymentLifecycle.Text(payment.Status), payment.CapturedYen, payment.FailureCode, payment.UpdatedAt), payment.OrganizationId);

    /// <summary>Records a refund step on the payment (called by <see cref="RefundService"/> inside its retry).</summary>
    internal void RecordRefund(Payment payment, long amount)
    {
        payment.RefundedYen += amount;
        var to = payment.RefundedYen == payment.CapturedYen ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        Move(payment, to, amount, "refund", null);
    }

    internal void Move(Payment payment, PaymentStatus to, long amount, string source, string? failureCode)
    {
        var now = Now;
        db.Set<PaymentTransition>().Add(new PaymentTransition
        {
            OrganizationId = payment.OrganizationId,
            PaymentId = payment.Id,
            From = payment.Status,
            To = to,
            AmountYen = amount,
            FailureCode = failureCode,
            Source = source,
            Actor = actor.Actor,
            OccurredAt = now,
        });
        payment.Status = to;
        payment.UpdatedAt = now;
        payment.Version++;
    }

    /// <summary>
    /// Loads the payment, runs <paramref name="decide"/> and saves; on a version conflict forgets its
    /// own changes, re-reads and decides again with the other writer's result in view.
    /// </summary>
    internal async Task<TransitionOutcome> WithRetryAsync(Guid paymentId, Func<Payment, TransitionOutcome> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payment = await db.Set<Payment>().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
            if (payment is null)
            {
                return TransitionOutcome.NotFound;
            }

            await db.Entry(payment).ReloadAsync(cancellationToken);
            var outcome = decide(payment);
            if (outcome != TransitionOutcome.Applied)
            {
                ForgetPendingChanges();
                return outcome;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return outcome;
            }
            catch (DbUpdateConcurrencyException exception) when (attempt < Attempts)
            {
                LogConflict(logger, paymentId, attempt, exception);
                ForgetPendingChanges();
            }
        }
    }

    /// <summary>Detaches what this unit of work added or changed, except an idempotency claim the request holds.</summary>
    internal void ForgetPendingChanges()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not IdempotencyRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>16 random digits (納付番号), grouped by four on paper.</summary>
    private static string NewPaymentNumber() =>
        string.Concat(Enumerable.Range(0, 16).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} changed concurrently (attempt {Attempt}); reading it again.")]
    private static partial void LogConflict(ILogger logger, Guid paymentId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId}: the gateway captured {Captured} yen for an amount of {Amount} yen.")]
    private static partial void LogAmountMismatch(ILogger logger, Guid paymentId, long amount, long captured);
}
