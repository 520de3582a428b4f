using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Fees;
using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Payments.Pages.Pay;

/// <summary>
/// After sending an application (申請後): the citizen, holding the secret status link, sees the fee
/// computed from the answers (or why it is waived) and pays online or prints a slip (納付書). The
/// payment's reference is <c>submission:{受付番号}</c>; asking twice continues the same payment.
/// </summary>
public sealed class FeeModel(ISubmissionReader submissions, SubmissionPayments fees, GatewayRegistry gateways) : PageModel
{
    public SubmissionInfo? Submission { get; private set; }

    public FeeQuote Quote { get; private set; } = FeeQuote.None;

    public Payment? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostOnlineAsync(string token, CancellationToken cancellationToken) => StartAsync(token, slip: false, cancellationToken);

    public Task<IActionResult> OnPostSlipAsync(string token, CancellationToken cancellationToken) => StartAsync(token, slip: true, cancellationToken);

    private async Task<IActionResult> StartAsync(string token, bool slip, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        var statusUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/status/{token}";
        var payment = await fees.StartAsync(Submission!, slip, statusUrl, cancellationToken);
        if (payment is null)
        {
            return Redirect($"/pay/fee/{token}");
        }

        return PaymentLifecycle.IsPaid(payment.Status) ? Redirect($"/pay/{payment.Id}")
            : slip ? Redirect($"/pay/{payment.Id}/slip")
            : Redirect(gateways.For(payment).NextUrl(payment));
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        Submission = await submissions.FindByStatusTokenAsync(token, cancellationToken);
        if (Submission is null)
        {
            return false;
        }

        Quote = await fees.QuoteAsync(Submission, cancellationToken);
        Current = await fees.CurrentAsync(Submission, cancellationToken);
        return true;
    }
}
