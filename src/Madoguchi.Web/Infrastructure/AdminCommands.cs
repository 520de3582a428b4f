using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Infrastructure;

/// <summary>
/// Command-line administration for a real (non-demo) installation, where nobody can sign in yet:
/// <code>
/// dotnet Madoguchi.Web.dll org create --code TKY --name-ja 東京市 --name-en "Tokyo City" --hosts "tky.example.jp"
/// MADOGUCHI_PASSWORD=… dotnet Madoguchi.Web.dll staff create --org TKY --email a@x.jp --name "山田 花子" --roles SystemAdmin,Staff
/// </code>
/// The first staff member must enrol a second factor at first sign-in (outside demo mode).
/// </summary>
public static class AdminCommands
{
    public const string PasswordVariable = "MADOGUCHI_PASSWORD";

    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2)
        {
            return null;
        }

        var options = ParseOptions(args.Skip(2).ToArray());
        return (args[0], args[1]) switch
        {
            ("org", "create") => await CreateOrganizationAsync(services, options, output),
            ("staff", "create") => await CreateStaffAsync(services, options, output),
            _ => null,
        };
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
            }
        }

        return options;
    }

    private static async Task<int> CreateOrganizationAsync(IServiceProvider root, Dictionary<string, string> options, TextWriter output)
    {
        if (!options.TryGetValue("code", out var code) || !options.TryGetValue("name-ja", out var nameJa) || !options.TryGetValue("name-en", out var nameEn))
        {
            await output.WriteLineAsync("usage: org create --code CODE --name-ja 名前 --name-en NAME [--hosts \"host1 host2\"]");
            return 2;
        }

        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        if (await db.Organizations.AnyAsync(o => o.Code == code))
        {
            await output.WriteLineAsync($"Organisation {code} exists already; nothing changed.");
            return 1;
        }

        db.Organizations.Add(new Organization
        {
            Id = Guid.NewGuid(),
            Code = code,
            NameJa = nameJa,
            NameEn = nameEn,
            HostNames = options.GetValueOrDefault("hosts", "").ToLowerInvariant(),
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Organisation {code} ({nameJa}) created.");
        return 0;
    }

    private static async Task<int> CreateStaffAsync(IServiceProvider root, Dictionary<string, string> options, TextWriter output)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!options.TryGetValue("org", out var code) || !options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var name)
            || string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"usage: {PasswordVariable}=… staff create --org CODE --email ADDRESS --name 名前 [--roles Staff,SystemAdmin] [--departments code1,code2]");
            return 2;
        }

        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code);
        if (organization is null)
        {
            await output.WriteLineAsync($"No organisation {code}.");
            return 1;
        }

        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organization);
        var roles = options.GetValueOrDefault("roles", StaffRoles.Staff).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknownRole = roles.FirstOrDefault(r => !StaffRoles.All.Contains(r));
        if (unknownRole is not null)
        {
            await output.WriteLineAsync($"Unknown role {unknownRole}; roles are {string.Join(", ", StaffRoles.All)}.");
            return 2;
        }

        var departmentCodes = options.GetValueOrDefault("departments", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var departments = await db.Departments.Where(d => departmentCodes.Contains(d.Code)).ToListAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganizationId = organization.Id,
            Departments = [.. departments.Select(d => new DepartmentMembership { DepartmentId = d.Id })],
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, roles);
        }

        if (!created.Succeeded)
        {
            await output.WriteLineAsync("Not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Staff member {email} created in {code} with roles {string.Join(", ", roles)}; a second factor is required at first sign-in.");
        return 0;
    }
}
