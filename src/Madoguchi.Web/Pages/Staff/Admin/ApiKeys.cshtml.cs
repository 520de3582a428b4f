using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Web.Pages.Staff.Admin;

/// <summary>System administrators issue (secret shown once) and revoke API keys.</summary>
[Authorize(Policy = StaffPolicies.SystemAdmin)]
public sealed class ApiKeysModel(MadoguchiDb db, ApiKeyIssuer issuer, UserManager<StaffUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    /// <summary>Field id → message, in the order the fields appear.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public ApiKey? NewKey { get; private set; }

    /// <summary>The new key's secret: on this one response only.</summary>
    public string? NewSecret { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done switch
        {
            "revoked" => t["AdminApiKeysRevoked"].Value,
            "not-found" => t["AdminApiKeysNotFound"].Value,
            _ => null,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Errors["Name"] = t["AdminApiKeysNameRequired"];
        }
        else if (name.Length > ApiKeyIssuer.MaxNameLength)
        {
            Errors["Name"] = t["AdminApiKeysNameTooLong"];
        }

        Scopes = [.. ApiScopes.All.Where(Scopes.Contains)];
        if (Scopes.Count == 0)
        {
            Errors[AdminFormat.ScopeId(ApiScopes.All[0])] = t["AdminApiKeysScopesRequired"];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var user = await users.GetUserAsync(User);
        var issuedBy = user is null ? User.Identity?.Name ?? "staff" : $"{user.DisplayName} ({user.UserName})";
        var issued = await issuer.IssueAsync(name, Scopes, issuedBy, user?.Id, cancellationToken);
        NewKey = issued.Key;
        NewSecret = issued.Secret;
        Name = null;
        Scopes = [];
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        RedirectToPage(new { done = await issuer.RevokeAsync(id, cancellationToken) ? "revoked" : "not-found" });

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
}
