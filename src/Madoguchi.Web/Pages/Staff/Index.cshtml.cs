using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Pages.Staff;

/// <summary>Staff home: who is signed in, their roles and departments, and where to go next.</summary>
public sealed class IndexModel(UserManager<StaffUser> users, MadoguchiDb db) : PageModel
{
    public StaffUser Member { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<(string NameJa, string NameEn)> Departments { get; private set; } = [];
    public bool HasSecondFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Member = user;
        var roles = await users.GetRolesAsync(user);
        Roles = [.. StaffRoles.All.Where(roles.Contains)];
        Departments = await db.DepartmentMemberships
            .Where(m => m.UserId == user.Id)
            .Select(m => new { m.Department!.NameJa, m.Department.NameEn })
            .OrderBy(d => d.NameJa)
            .Select(d => ValueTuple.Create(d.NameJa, d.NameEn))
            .ToListAsync(HttpContext.RequestAborted);
        HasSecondFactor = user.TwoFactorEnabled || (await users.GetPasskeysAsync(user)).Count > 0;
        return Page();
    }
}
