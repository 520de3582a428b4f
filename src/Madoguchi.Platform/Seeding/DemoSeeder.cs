using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Platform.Seeding;

/// <summary>
/// Seeds the demo organisation, Musashino City (武蔵野市), its departments (from the DX plan draft) and
/// demo staff in every role. Idempotent: it only adds what is missing.
/// </summary>
public static class DemoSeeder
{
    public const string OrganizationCode = "MSN";

    /// <summary>Documented in the README; refused outside demo mode.</summary>
    public const string DemoPassword = "Madoguchi-Demo-2026";

    public static readonly Guid OrganizationId = new("5e1c0a7e-0000-4000-8000-00000000d001");

    private static readonly (string Code, string? Parent, string Ja, string En, DepartmentLevel Level)[] DepartmentTree =
    [
        ("general-affairs", null, "総務部", "General Affairs Department", DepartmentLevel.Bureau),
        ("it-policy", "general-affairs", "情報政策課", "IT Policy Division", DepartmentLevel.Division),
        ("administration", "general-affairs", "総務課", "Administration Division", DepartmentLevel.Division),
        ("personnel", "general-affairs", "人事課", "Personnel Division", DepartmentLevel.Division),
        ("property", "general-affairs", "管財課", "Property Management Division", DepartmentLevel.Division),
        ("policy-planning", null, "総合政策部", "Policy Planning Department", DepartmentLevel.Bureau),
        ("planning-coordination", "policy-planning", "企画調整課", "Planning and Coordination Division", DepartmentLevel.Division),
        ("secretariat-pr", "policy-planning", "秘書広報課", "Secretariat and Public Relations Division", DepartmentLevel.Division),
        ("finance", null, "財務部", "Finance Department", DepartmentLevel.Bureau),
        ("budget", "finance", "財政課", "Budget Division", DepartmentLevel.Division),
        ("municipal-tax", "finance", "市民税課", "Municipal Tax Division", DepartmentLevel.Division),
        ("citizens", null, "市民部", "Citizens Department", DepartmentLevel.Bureau),
        ("citizen-services", "citizens", "市民課", "Citizen Services Division", DepartmentLevel.Division),
        ("insurance-pension", "citizens", "保険年金課", "Health Insurance and Pension Division", DepartmentLevel.Division),
        ("city-branch-offices", "citizens", "市政センター", "City Branch Offices", DepartmentLevel.Division),
        ("civic-activity", "citizens", "市民活動推進課", "Civic Activity Promotion Division", DepartmentLevel.Division),
        ("multicultural", "citizens", "多文化共生・交流課", "Multicultural Community and Exchange Division", DepartmentLevel.Division),
        ("safety", null, "防災安全部", "Disaster Prevention and Safety Department", DepartmentLevel.Bureau),
        ("disaster-prevention", "safety", "防災課", "Disaster Prevention Division", DepartmentLevel.Division),
        ("community-safety", "safety", "安全対策課", "Community Safety Division", DepartmentLevel.Division),
        ("health-welfare", null, "健康福祉部", "Health and Welfare Department", DepartmentLevel.Bureau),
        ("elderly-support", "health-welfare", "高齢者支援課", "Elderly Support Division", DepartmentLevel.Division),
        ("disability-welfare", "health-welfare", "障害者福祉課", "Disability Welfare Division", DepartmentLevel.Division),
        ("health", "health-welfare", "健康課", "Health Division", DepartmentLevel.Division),
        ("children-families", null, "子ども家庭部", "Children and Families Department", DepartmentLevel.Bureau),
        ("child-support", "children-families", "子ども子育て支援課", "Child and Childcare Support Division", DepartmentLevel.Division),
        ("urban-development", null, "都市整備部", "Urban Development Department", DepartmentLevel.Bureau),
        ("road-management", "urban-development", "道路管理課", "Road Management Division", DepartmentLevel.Division),
        ("building-guidance", "urban-development", "建築指導課", "Building Guidance Division", DepartmentLevel.Division),
        ("urban-planning", "urban-development", "まちづくり推進課", "Urban Planning Promotion Division", DepartmentLevel.Division),
        ("education", null, "教育部", "Education Department", DepartmentLevel.Bureau),
        ("education-guidance", "education", "指導課", "Education Guidance Division", DepartmentLevel.Division),
        ("education-support", "education", "教育支援課", "Education Support Division", DepartmentLevel.Division),
        ("lifelong-learning", "education", "生涯学習スポーツ課", "Lifelong Learning and Sports Division", DepartmentLevel.Division),
        ("environment", null, "環境部", "Environment Department", DepartmentLevel.Bureau),
        ("environmental-policy", "environment", "環境政策課", "Environmental Policy Division", DepartmentLevel.Division),
        ("waste", "environment", "ごみ総合対策課", "Waste Management Division", DepartmentLevel.Division),
        ("sewerage", "environment", "下水道課", "Sewerage Division", DepartmentLevel.Division),
        ("waterworks", null, "水道部", "Waterworks Department", DepartmentLevel.Bureau),
        ("waterworks-engineering", "waterworks", "工務課", "Waterworks Engineering Division", DepartmentLevel.Division),
        ("accounting", null, "会計課", "Accounting Division", DepartmentLevel.Division),
    ];

    /// <summary>Demo staff: user name, display name, title, roles, departments.</summary>
    public static readonly (string UserName, string DisplayName, string? Title, string[] Roles, string[] Departments)[] Staff =
    [
        ("admin@musashino.example", "システム 管理者", "主任", [StaffRoles.SystemAdmin, StaffRoles.Staff], ["it-policy"]),
        ("itpolicy@musashino.example", "情報 政策子", "主査", [StaffRoles.ItPolicy, StaffRoles.Staff], ["it-policy"]),
        ("shimin@musashino.example", "市民 太郎", "主事", [StaffRoles.Staff], ["citizen-services"]),
        ("shimin-kacho@musashino.example", "市民 課長", "課長", [StaffRoles.Approver, StaffRoles.Staff], ["citizen-services"]),
        // 市民課 has a 係長 and a 課長補佐 too, so a two-step route (係長 → 課長・所属管理者の合議), a 差戻し and a 代決 can be walked in the demo.
        ("shimin-kakaricho@musashino.example", "市民 係長", "係長", [StaffRoles.Approver, StaffRoles.Staff], ["citizen-services"]),
        ("shimin-hosa@musashino.example", "市民 補佐", "課長補佐", [StaffRoles.DepartmentAdmin, StaffRoles.Staff], ["citizen-services"]),
        // …and a 主幹 who is also 所属管理者, so the 合議 of 課長 and 所属管理者 can be approved by the 主幹 while the 課長補佐 approves by 代決 for an absent 課長.
        ("shimin-shukan@musashino.example", "市民 主幹", "主幹", [StaffRoles.DepartmentAdmin, StaffRoles.Staff], ["citizen-services"]),
        ("kodomo@musashino.example", "子育 花子", "主事", [StaffRoles.Staff], ["child-support"]),
        ("doro@musashino.example", "道路 一郎", "係長", [StaffRoles.Staff, StaffRoles.Approver, StaffRoles.DepartmentAdmin], ["road-management"]),
    ];

    public static async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var db = services.GetRequiredService<MadoguchiDb>();
        var tenant = services.GetRequiredService<TenantContext>();
        var clock = services.GetRequiredService<TimeProvider>();

        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());

        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Code == OrganizationCode, cancellationToken);
        if (organization is null)
        {
            if (await db.Organizations.AnyAsync(cancellationToken))
            {
                return; // Not an empty database: never add the demo organisation beside real ones.
            }

            organization = new Organization
            {
                Id = OrganizationId,
                Code = OrganizationCode,
                NameJa = "武蔵野市",
                NameEn = "Musashino City",
                HostNames = "localhost musashino.localhost",
                IsDemo = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
        }

        tenant.Set(organization);
        await SeedDepartmentsAsync(db, cancellationToken);
        await SeedStaffAsync(db, services.GetRequiredService<UserManager<StaffUser>>(), cancellationToken);
        await SeedApiKeyAsync(db, options.ApiKey, clock, cancellationToken);
        foreach (var content in services.GetServices<IDemoContent>())
        {
            await content.SeedAsync(db, cancellationToken);
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole<Guid>(role));
                EnsureSucceeded(created, role);
            }
        }
    }

    private static async Task SeedDepartmentsAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        var existing = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var (code, parent, ja, en, level) in DepartmentTree)
        {
            if (existing.ContainsKey(code))
            {
                continue;
            }

            var department = new Department
            {
                Id = Guid.NewGuid(),
                Code = code,
                NameJa = ja,
                NameEn = en,
                Level = level,
                ParentId = parent is null ? null : existing[parent].Id,
            };
            db.Departments.Add(department);
            existing[code] = department;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedStaffAsync(MadoguchiDb db, UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var (userName, displayName, title, roles, memberOf) in Staff)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = userName,
                Email = userName,
                EmailConfirmed = true,
                DisplayName = displayName,
                Title = title,
                IsDemo = true,
                OrganizationId = db.CurrentOrganizationId,
                Departments = [.. memberOf.Select(code => new DepartmentMembership { DepartmentId = departments[code].Id })],
            };
            EnsureSucceeded(await users.CreateAsync(user, DemoPassword), userName);
            EnsureSucceeded(await users.AddToRolesAsync(user, roles), userName);
        }
    }

    private static async Task SeedApiKeyAsync(MadoguchiDb db, string? secret, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        var hash = ApiKey.Hash(secret);
        if (await db.ApiKeys.AnyAsync(k => k.SecretHash == hash, cancellationToken))
        {
            return;
        }

        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = "Demo key (Demo:ApiKey)",
            Prefix = secret.Length > 8 ? secret[..8] : secret,
            SecretHash = hash,
            Scopes = string.Join(' ', ApiScopes.All),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
