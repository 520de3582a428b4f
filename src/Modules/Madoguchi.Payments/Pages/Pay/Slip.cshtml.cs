using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Slips;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Payments.Pages.Pay;

/// <summary>A printable payment slip (納付書): amount, due date, payer, payment number and a QR code (our own format, not eL-QR).</summary>
public sealed class SlipModel(PaymentService payments, TenantContext tenant) : PageModel
{
    public Payment? Payment { get; private set; }
    public string QrDataUrl { get; private set; } = "";
    public string QrPayload { get; private set; } = "";
    public DateOnly DueDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Payment = await payments.FindAsync(id, cancellationToken);
        if (Payment is null)
        {
            return NotFound();
        }

        QrPayload = SlipQrCode.Payload(tenant.Organization!.Code, Payment.PaymentNumber, Payment.AmountYen, Payment.Reference);
        QrDataUrl = SlipQrCode.PngDataUrl(QrPayload);
        DueDate = Payment.DueDate ?? Reconciliation.JstDay.Of(Payment.CreatedAt).AddDays(14);
        return Page();
    }
}
