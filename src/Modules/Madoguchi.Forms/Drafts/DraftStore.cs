using System.Security.Cryptography;
using System.Text;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madoguchi.Forms.Drafts;

/// <summary>Where a draft stands for the browser that asks.</summary>
public enum DraftState
{
    /// <summary>This browser has no draft for the procedure.</summary>
    None,

    Active,

    /// <summary>Idle longer than the timeout: answers are kept but not shown until the citizen resumes.</summary>
    TimedOut,

    Submitted,
}

public sealed record DraftLookup(DraftState State, Draft? Draft);

/// <summary>
/// Drafts and the browser's hold on them: a session cookie per procedure carrying the draft's
/// capability token (only its hash is stored). Answers are saved on every step and kept for
/// <see cref="Retention"/>; the session times out after <see cref="FormsOptions.IdleTimeoutMinutes"/>
/// of inactivity, after which the answers are not shown until the citizen resumes (ADR 0010).
/// </summary>
public sealed class DraftStore(MadoguchiDb db, TimeProvider clock, IOptions<FormsOptions> options)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(options.Value.IdleTimeoutMinutes);

    public static string CookieName(string slug) => "mdg_draft_" + slug;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<DraftLookup> FindAsync(HttpContext http, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = http.Request.Cookies[CookieName(slug)];
        return string.IsNullOrEmpty(token) ? new DraftLookup(DraftState.None, null) : await FindByTokenAsync(token, slug, cancellationToken);
    }

    public async Task<DraftLookup> FindByTokenAsync(string token, string? slug, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return new DraftLookup(DraftState.None, null);
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.Set<Draft>().FirstOrDefaultAsync(d => d.TokenHash == hash && d.ExpiresAt > now, cancellationToken);
        if (draft is null || (slug is not null && draft.ProcedureSlug != slug))
        {
            return new DraftLookup(DraftState.None, null);
        }

        if (draft.IsSubmitted)
        {
            return new DraftLookup(DraftState.Submitted, draft);
        }

        // A page view may leave the idle clock up to Draft.ViewTouchResolution behind: never time out before the announced time.
        return new DraftLookup(now - draft.LastActivityAt > IdleTimeout + Draft.ViewTouchResolution ? DraftState.TimedOut : DraftState.Active, draft);
    }

    /// <summary>Starts a draft on the given form version and gives this browser its token.</summary>
    public Draft Start(HttpContext http, string slug, PublishedForm form)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = NewToken();
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            ProcedureId = form.ProcedureId,
            ProcedureSlug = slug,
            FormVersionId = form.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
        };
        draft.Touch(now);
        db.Add(draft);
        SetCookie(http, slug, token);
        return draft;
    }

    /// <summary>Gives this browser a new token for the draft (after resume by email link: the old link stops working).</summary>
    public void Rekey(HttpContext http, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var token = NewToken();
        draft.TokenHash = Hash(token);
        draft.Touch(clock.GetUtcNow().UtcDateTime);
        SetCookie(http, draft.ProcedureSlug, token);
    }

    public static void Forget(HttpContext http, string slug)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName(slug), new CookieOptions { Path = "/" });
    }

    /// <summary>Gives this browser the hold on a draft whose token it presented (resume link).</summary>
    public static void Hold(HttpContext http, string slug, string token) => SetCookie(http, slug, token);

    private static void SetCookie(HttpContext http, string slug, string token) =>
        // A session cookie: closing the browser drops the hold on the draft (the emailed link still resumes it).
        http.Response.Cookies.Append(CookieName(slug), token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        });
}
