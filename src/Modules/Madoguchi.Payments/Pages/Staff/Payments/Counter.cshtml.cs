using System.Globalization;
using System.Security.Claims;
using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Payments.Pages.Staff.Payments;

/// <summary>
/// 窓口収納: staff find what a citizen owes by 受付番号 or 納付番号 and record a cash or cashless
/// payment of the amount; the receipt (領収書) follows. Only payments of the staff member's
/// departments are found; opening one is audited (the payer's name is personal data).
/// </summary>
public sealed class CounterModel(CounterPaymentService counter, MadoguchiDb db, IStringLocalizer<PaymentsResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid PaymentId { get; set; }

    [BindProperty]
    public string? Method { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    public Payment? Payment { get; private set; }

    public CounterReceipt? Receipt { get; private set; }

    public string? NotFoundMessage { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Payable => Payment is { Status: PaymentStatus.Created or PaymentStatus.Started };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        if (Q.Length > 60)
        {
            Errors["Q"] = t["CounterQueryInvalid"];
            return;
        }

        await FindAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        Payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == PaymentId, cancellationToken);
        if (Payment is null || !CounterPaymentService.Allowed(Payment, scope))
        {
            return NotFound();
        }

        Q ??= PaymentText.GroupedNumber(Payment.PaymentNumber);
        if (Method is null || !CounterMethods.All.Contains(Method))
        {
            Errors["Method"] = t["CounterMethodRequired"];
        }

        var digits = (Amount ?? "").Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim();
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            Errors["Amount"] = t["CounterAmountInvalid"];
        }
        else if (amount != Payment.AmountYen)
        {
            Errors["Amount"] = t["CounterAmountMismatch", Payment.AmountYen.ToString("N0", CultureInfo.InvariantCulture)];
        }

        if (Errors.Count > 0)
        {
            Receipt = await counter.ReceiptOfAsync(Payment.Id, cancellationToken);
            return Page();
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var result = await counter.RecordAsync(Payment.Id, Method!, amount, name, cancellationToken);
        switch (result.Outcome)
        {
            case CounterOutcome.Recorded:
            case CounterOutcome.AlreadyPaid when result.Receipt is not null:
                // A double click lands on the one receipt that exists.
                return Redirect($"/staff/payments/counter/receipts/{Payment.Id}" + (result.Outcome == CounterOutcome.AlreadyPaid ? "?already=1" : ""));
            case CounterOutcome.AlreadyPaid:
                Errors["Method"] = t["CounterAlreadyPaidOnline"];
                break;
            case CounterOutcome.AmountMismatch:
                Errors["Amount"] = t["CounterAmountMismatch", Payment.AmountYen.ToString("N0", CultureInfo.InvariantCulture)];
                break;
            default:
                Errors["Method"] = t["CounterNotPayable"];
                break;
        }

        Payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == PaymentId, cancellationToken);
        return Page();
    }

    private Guid UserId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        Payment = await counter.FindAsync(Q!, scope, cancellationToken);
        if (Payment is null)
        {
            NotFoundMessage = t["CounterNotFound", Q!];
            return;
        }

        await counter.RecordReadAsync(Payment, "counter", cancellationToken);
        Receipt = await counter.ReceiptOfAsync(Payment.Id, cancellationToken);
        Amount ??= null;
    }
}
