using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.PublicComments;

/// <summary>
/// The opinion form (works without JavaScript): fill in, check on a confirmation step, send. A
/// one-time key in the form makes a double click or a resend one opinion; the period is checked in
/// Japan time on every step; the client address is rate-limited.
/// </summary>
public sealed class OpinionModel(MadoguchiDb db, TimeProvider clock, OpinionIntake intake, OpinionRateLimiter limiter, IStringLocalizer<PublicCommentsResource> t)
    : PublicCommentsPageModel(db, clock)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? AgeGroup { get; set; }
    [BindProperty] public string? Section { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }

    public bool Confirming { get; private set; }

    /// <summary>Why the form cannot be used now (closed, not yet open, too many sends); null when it can.</summary>
    public string? Refusal { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public DraftSection? ChosenSection => int.TryParse(Section, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Sections.FirstOrDefault(s => s.Number == n) : null;

    public async Task<IActionResult> OnGetAsync(string slug, int? section, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Section = section?.ToString(CultureInfo.InvariantCulture);
        SubmissionKey = Guid.NewGuid().ToString("N");
        return Refuse() ?? Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!Validate())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Confirming = true;
        return Page();
    }

    public async Task<IActionResult> OnPostBackAsync(string slug, CancellationToken cancellationToken) =>
        await LoadProcessAsync(slug, cancellationToken) ? Refuse() ?? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!Validate())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            Refusal = t["RefusedTooMany"];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "3600";
            return Page();
        }

        var now = Now;
        var result = await intake.TakeAsync(Process, Input(), OpinionChannels.Web, now, now, "web:" + (SubmissionKey ?? Guid.NewGuid().ToString("N")), null, cancellationToken);
        if (result.Error is IntakeError.Closed or IntakeError.NotOpenYet)
        {
            return Refuse() ?? Page();
        }

        if (!result.Succeeded)
        {
            // The same one-time key with different content: start a fresh form with what was typed.
            SubmissionKey = Guid.NewGuid().ToString("N");
            Errors["Body"] = t["ErrorResend"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/public-comments/{Process.Slug}/sent?receipt={Uri.EscapeDataString(result.Opinion!.ReceiptNumber)}");
    }

    private OpinionInput Input() => new(Name, Address, Email, AgeGroup, ChosenSection?.Number, Body);

    private bool Validate()
    {
        if (!string.IsNullOrEmpty(Section) && ChosenSection is null)
        {
            Errors["Section"] = t["Error_SectionUnknown"];
        }

        foreach (var (field, code) in OpinionIntake.Validate(Process, Input(), Sections, staffEntry: false))
        {
            Errors.TryAdd(field, t["Error_" + code, OpinionIntake.MaxFieldLength, Opinion.MaxBodyLength]);
        }

        return Errors.Count == 0;
    }

    /// <summary>The refusal page when the period is not open, in Japan time, with the deadline shown.</summary>
    private PageResult? Refuse()
    {
        if (Process.IsOpen(Now))
        {
            return null;
        }

        Refusal = Process.IsClosed(Now) ? t["RefusedClosed", DeadlineText] : t["RefusedNotOpen", PublicCommentProcess.JapaneseDate(DateOnly.FromDateTime(PublicCommentProcess.ToJapan(Process.OpensAt)))];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
