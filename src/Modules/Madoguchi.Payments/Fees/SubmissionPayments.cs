using System.Globalization;
using System.Text.Json;
using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Payments;
using Madoguchi.Procedures.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Fees;

/// <summary>
/// Paying a submission's fee after it is sent (申請後の手数料納付): the fee from
/// <see cref="IFeeCalculator"/>, then one payment with reference <c>submission:{receipt}</c>, online
/// (card page) or as a slip (納付書, due in <see cref="SlipDays"/> days). Asking again returns the
/// payment in progress or the paid one: a submission is never charged twice.
/// </summary>
public sealed class SubmissionPayments(IFeeCalculator fees, IProcedureCatalog catalog, PaymentService payments, MadoguchiDb db, TimeProvider clock)
{
    /// <summary>A slip's due date (納期限): this many days after it is printed.</summary>
    public const int SlipDays = 14;

    public async Task<FeeQuote> QuoteAsync(SubmissionInfo submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var procedure = await catalog.FindAsync(submission.ProcedureSlug, cancellationToken);
        var computed = ReadNumbers(submission.ComputedJson);
        // The form's fee values: the one named "fee" (else the first) is the fee (手数料); the others are charges paid with it.
        var items = submission.FeeItems;
        var fee = items.FirstOrDefault(i => i.Id == FeeCalculator.DefaultFeeId) ?? (items.Count > 0 ? items[0] : null);
        var charges = items.Where(i => i != fee)
            .Select(i => new FeeCharge(i.LabelJa, i.LabelEn, computed.GetValueOrDefault(i.Id) is { } v && v > 0 ? (long)decimal.Floor(v) : 0))
            .ToList();
        var feeIds = fee is null ? new HashSet<string>() : new HashSet<string> { fee.Id };
        return fees.Calculate(new FeeRequest(submission.ProcedureSlug, computed, ReadTexts(submission.AnswersJson), feeIds, procedure?.FeeYen)
        {
            Charges = charges,
        });
    }

    /// <summary>The payment now current for the submission: paid, or unpaid and still open; null when none.</summary>
    public async Task<Payment?> CurrentAsync(SubmissionInfo submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var reference = PaymentReferences.Submission(submission.ReceiptNumber);
        var existing = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == reference).ToListAsync(cancellationToken);
        return existing.FirstOrDefault(p => PaymentLifecycle.IsPaid(p.Status))
            ?? existing.Where(p => p.Status is PaymentStatus.Created or PaymentStatus.Started or PaymentStatus.Authorised).OrderByDescending(p => p.CreatedAt).FirstOrDefault();
    }

    /// <summary>Creates the payment (or returns the current one); null when no fee is due.</summary>
    public async Task<Payment?> StartAsync(SubmissionInfo submission, bool slip, string returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var quote = await QuoteAsync(submission, cancellationToken);
        if (!quote.IsDue)
        {
            return null;
        }

        if (await CurrentAsync(submission, cancellationToken) is { } current)
        {
            return current;
        }

        var procedure = await catalog.FindAsync(submission.ProcedureSlug, cancellationToken);
        var description = $"{procedure?.TitleJa ?? submission.ProcedureSlug} 手数料（{submission.ReceiptNumber}）";
        var due = slip ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Reconciliation.JstDay.Offset).AddDays(SlipDays) : (DateOnly?)null;
        return await payments.CreateAsync(new NewPayment(quote.AmountYen, PaymentReferences.Submission(submission.ReceiptNumber),
            description.Length > Payment.MaxDescriptionLength ? description[..Payment.MaxDescriptionLength] : description, returnUrl,
            procedure?.ResponsibleDepartmentId, DueDate: due), cancellationToken);
    }

    private static Dictionary<string, decimal?> ReadNumbers(string json)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var number) ? number
                : property.Value.ValueKind == JsonValueKind.String && decimal.TryParse(property.Value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : null;
        }

        return values;
    }

    private static Dictionary<string, string?> ReadTexts(string json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
        }

        return values;
    }
}
