using System.Security.Cryptography;
using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Fees;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Counter;

public enum CounterOutcome
{
    Recorded,

    /// <summary>Already paid (at the counter or online): nothing recorded, the existing receipt (if any) is shown.</summary>
    AlreadyPaid,

    /// <summary>Cancelled, failed, expired or refunded: cannot be paid any more.</summary>
    NotPayable,
    AmountMismatch,
    NotFound,
}

public sealed record CounterResult(CounterOutcome Outcome, CounterReceipt? Receipt);

/// <summary>
/// 窓口収納: finds what a citizen owes by 受付番号 (a submission's receipt number) or 納付番号, and
/// records a counter payment: the payment becomes captured (source <c>counter</c>) and a
/// <see cref="CounterReceipt"/> is written in the same transaction. The payment's version check and
/// the unique receipt per payment make a second recording (double click, two staff at once) fail;
/// the loser is told it is already paid. Staff see only their departments' payments.
/// </summary>
public sealed class CounterPaymentService(MadoguchiDb db, PaymentService payments, SubmissionPayments submissionPayments, ISubmissionReader submissions,
    ICurrentActor actor, TimeProvider clock)
{
    /// <summary>Finds the payment for a 受付番号 or 納付番号 (spaces and hyphens in a payment number ignored); creates the fee's payment for a submission without one.</summary>
    public async Task<Payment?> FindAsync(string query, DepartmentScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var text = query.Trim();
        var digits = new string([.. text.Where(c => c is not ('-' or ' ' or '　'))]);
        Payment? payment = null;
        if (digits.Length == 16 && digits.All(char.IsAsciiDigit))
        {
            payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.PaymentNumber == digits, cancellationToken);
        }
        else if (text.Length is > 0 and <= 60)
        {
            var reference = PaymentReferences.Submission(text.ToUpperInvariant());
            var candidates = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == reference).ToListAsync(cancellationToken);
            payment = candidates.FirstOrDefault(p => PaymentLifecycle.IsPaid(p.Status))
                ?? candidates.Where(p => p.Status is PaymentStatus.Created or PaymentStatus.Started).OrderByDescending(p => p.CreatedAt).FirstOrDefault();
            if (payment is null && await submissions.FindByReceiptNumberAsync(text.ToUpperInvariant(), cancellationToken) is { } submission)
            {
                // 窓口払いを選んだ申請: the payment is made now from the fee of the answers.
                payment = await submissionPayments.StartAsync(submission, slip: false, "http://localhost/", cancellationToken);
            }
        }

        return payment is not null && Allowed(payment, scope) ? payment : null;
    }

    /// <summary>Staff of the payment's department (所管課) only; a payment without one is the organisation's (any staff).</summary>
    public static bool Allowed(Payment payment, DepartmentScope scope)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(scope);
        return payment.DepartmentId is not { } department || scope.Allows(department);
    }

    public Task<CounterReceipt?> ReceiptOfAsync(Guid paymentId, CancellationToken cancellationToken) =>
        db.Set<CounterReceipt>().AsNoTracking().FirstOrDefaultAsync(r => r.PaymentId == paymentId, cancellationToken);

    /// <summary>Records the counter payment of the full amount; see the class remarks for concurrency.</summary>
    public async Task<CounterResult> RecordAsync(Guid paymentId, string method, long amountYen, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        CounterReceipt? receipt = null;
        var refused = CounterOutcome.Recorded;
        var now = clock.GetUtcNow().UtcDateTime;
        TransitionOutcome outcome;
        try
        {
            outcome = await payments.WithRetryAsync(paymentId, payment =>
            {
                if (PaymentLifecycle.IsPaid(payment.Status))
                {
                    refused = CounterOutcome.AlreadyPaid;
                    return TransitionOutcome.Ignored;
                }

                if (payment.Status is not (PaymentStatus.Created or PaymentStatus.Started))
                {
                    refused = CounterOutcome.NotPayable;
                    return TransitionOutcome.NotAllowed;
                }

                if (amountYen != payment.AmountYen)
                {
                    refused = CounterOutcome.AmountMismatch;
                    return TransitionOutcome.NotAllowed;
                }

                refused = CounterOutcome.Recorded;
                payment.CapturedYen = amountYen;
                payment.CapturedAt = now;
                payment.FailureCode = null;
                payment.Channel = CounterMethods.IsCash(method) ? "counter-cash" : "counter-cashless";
                payments.Move(payment, PaymentStatus.Captured, amountYen, "counter", null);
                payments.Publish(payment);
                receipt = new CounterReceipt
                {
                    Id = Guid.NewGuid(),
                    PaymentId = payment.Id,
                    ReceiptNumber = NewReceiptNumber(now),
                    Method = method,
                    AmountYen = amountYen,
                    ReceivedBy = actor.Actor,
                    ReceivedByName = staffName.Length > 100 ? staffName[..100] : staffName,
                    ReceivedAt = now,
                };
                db.Set<CounterReceipt>().Add(receipt);
                return TransitionOutcome.Applied;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique receipt per payment: another recording won at the same moment.
            payments.ForgetPendingChanges();
            return new CounterResult(CounterOutcome.AlreadyPaid, await ReceiptOfAsync(paymentId, cancellationToken));
        }

        return outcome switch
        {
            TransitionOutcome.NotFound => new CounterResult(CounterOutcome.NotFound, null),
            TransitionOutcome.Applied => new CounterResult(CounterOutcome.Recorded, receipt),
            _ => new CounterResult(refused, await ReceiptOfAsync(paymentId, cancellationToken)),
        };
    }

    /// <summary>Audits that staff opened a payment's personal data (payer name) at the counter.</summary>
    public async Task RecordReadAsync(Payment payment, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "payment.personal_data_read", nameof(Payment), payment.Id.ToString(), via, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string NewReceiptNumber(DateTime now) =>
        $"R{JstDay.Of(now):yyyyMMdd}-{RandomNumberGenerator.GetInt32(1_000_000):D6}";
}
