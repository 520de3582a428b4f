using Madoguchi.Platform.Outbox;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Web.Pages.Staff.Admin;

/// <summary>Dead-lettered outbox messages with their last error; an admin puts one back in the queue.</summary>
[Authorize(Policy = StaffPolicies.SystemAdmin)]
public sealed class OutboxModel(OutboxAdmin admin, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<OutboxMessage> DeadLetters { get; private set; } = [];

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        (Message, MessageIsError) = done switch
        {
            "retried" => (t["AdminOutboxRetried"].Value, false),
            "not-found" => (t["AdminOutboxNotFound"].Value, true),
            _ => ((string?)null, false),
        };
        DeadLetters = await admin.DeadLettersAsync(200, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken) =>
        RedirectToPage(new { done = await admin.RetryAsync(id, cancellationToken) == OutboxRetryResult.Requeued ? "retried" : "not-found" });
}
