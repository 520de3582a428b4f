using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Pages.Pay;

/// <summary>
/// Where the citizen lands after the gateway (支払い結果): the server asks the gateway for the state
/// (status poll, so a lost webhook does not matter), then shows paid, failed or pending. A failed or
/// abandoned payment can be tried again with a new payment of the same amount, never when the
/// reference is already paid (no second charge).
/// </summary>
public sealed class StatusModel(PaymentService payments, GatewayRegistry gateways, MadoguchiDb db) : PageModel
{
    public Payment? Payment { get; private set; }

    public bool Paid => Payment is { } p && PaymentLifecycle.IsPaid(p.Status);

    public bool Failed => Payment is { } p && p.Status is PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Failed)
        {
            return Redirect($"/pay/{id}");
        }

        var p = Payment!;
        var others = await db.Set<Payment>().AsNoTracking().Where(x => x.Reference == p.Reference && x.Id != p.Id && x.CreatedAt >= p.CreatedAt)
            .OrderByDescending(x => x.CreatedAt).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(x => PaymentLifecycle.IsPaid(x.Status) || x.Status is PaymentStatus.Created or PaymentStatus.Started or PaymentStatus.Authorised) is { } current)
        {
            // Already retried (or paid): continue with that payment, never a second one.
            return Redirect(PaymentLifecycle.IsPaid(current.Status) ? $"/pay/{current.Id}" : gateways.For(current).NextUrl(current));
        }

        var retry = await payments.CreateAsync(new NewPayment(p.AmountYen, p.Reference, p.Description, p.ReturnUrl, p.DepartmentId, p.Gateway, PayerName: p.PayerName, DueDate: p.DueDate), cancellationToken);
        return Redirect(gateways.For(retry).NextUrl(retry));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Payment = await payments.FindAsync(id, cancellationToken);
        if (Payment is null)
        {
            return false;
        }

        if (!PaymentLifecycle.IsFinal(Payment.Status) && !PaymentLifecycle.IsPaid(Payment.Status)
            && await gateways.For(Payment).GetStatusAsync(Payment, cancellationToken) is { } status)
        {
            await payments.ApplyAsync(Payment.Id, new GatewayEvent(status.Status, status.CapturedYen, status.FailureCode, "poll"), cancellationToken);
            Payment = await payments.FindAsync(id, cancellationToken);
        }

        await payments.ExpireIfDueAsync(Payment!, cancellationToken);
        return true;
    }
}
