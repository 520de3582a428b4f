using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Pages.Staff.Payments;

/// <summary>The printable receipt (領収書) of a counter payment; staff of the payment's department only, audited.</summary>
public sealed class ReceiptModel(CounterPaymentService counter, MadoguchiDb db) : PageModel
{
    public Payment? Payment { get; private set; }

    public CounterReceipt? Receipt { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Already { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        Payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (Payment is null || !CounterPaymentService.Allowed(Payment, scope))
        {
            return NotFound();
        }

        Receipt = await counter.ReceiptOfAsync(id, cancellationToken);
        if (Receipt is null)
        {
            return NotFound();
        }

        await counter.RecordReadAsync(Payment, "counter-receipt", cancellationToken);
        return Page();
    }
}
