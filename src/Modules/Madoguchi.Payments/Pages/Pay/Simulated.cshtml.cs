using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Payments.Pages.Pay;

/// <summary>
/// The simulated gateway's card page (模擬決済画面): pay, be declined with a chosen failure code, or give
/// up. Works without JavaScript; every button is a form POST. The server's amount is the only amount.
/// </summary>
public sealed class SimulatedModel(PaymentService payments, SimulatedGateway gateway) : PageModel
{
    public Payment? Payment { get; private set; }

    /// <summary>The card page can still take a payment.</summary>
    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Open)
        {
            await gateway.StartAsync(Payment!, WebhookUrl, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Open)
        {
            await gateway.PayAsync(Payment!, WebhookUrl, cancellationToken);
        }

        return Redirect($"/pay/{id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? failureCode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Open)
        {
            var code = failureCode is not null && FailureCodes.Declines.Contains(failureCode) ? failureCode : FailureCodes.CardDeclined;
            await gateway.DeclineAsync(Payment!, code, WebhookUrl, cancellationToken);
        }

        return Redirect($"/pay/{id}");
    }

    public async Task<IActionResult> OnPostAbandonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Open)
        {
            await gateway.AbandonAsync(Payment!, WebhookUrl, cancellationToken);
        }

        return Redirect($"/pay/{id}");
    }

    private string WebhookUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{SimulatedGateway.WebhookPath}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Payment = await payments.FindAsync(id, cancellationToken);
        if (Payment is null || Payment.Gateway != SimulatedGateway.GatewayName)
        {
            return false;
        }

        await payments.ExpireIfDueAsync(Payment, cancellationToken);
        var charge = await gateway.GetStatusAsync(Payment, cancellationToken);
        Open = Payment.Status is PaymentStatus.Created or PaymentStatus.Started
            && charge?.Status is null or PaymentStatus.Created or PaymentStatus.Started;
        return true;
    }
}
