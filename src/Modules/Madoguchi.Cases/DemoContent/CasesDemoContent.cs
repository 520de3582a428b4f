using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Checks;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.DemoContent;

/// <summary>
/// Demo approval routes and checks: 住民票の写し with one step (課長) and the age, residence and
/// duplicate checks; 各種証明書の郵送請求 with two steps (係長 then a 合議 of 課長 and 所属管理者).
/// </summary>
public sealed class CasesDemoContent : IDemoContent
{
    internal static readonly IReadOnlyList<(string Slug, IReadOnlyList<RouteStep> Route, IReadOnlyList<CheckRule> Checks)> Settings =
    [
        ("juminhyo-copy",
            [new RouteStep([StaffRoles.Approver], "課長決裁", "Head of section")],
            [
                new CheckRule(CheckRules.Age, Field: "dateOfBirth", Min: 15),
                new CheckRule(CheckRules.Duplicate, NameField: "applicantName", DateOfBirthField: "dateOfBirth"),
                new CheckRule(CheckRules.Amount, Field: "copies", Min: 1, Max: 5),
            ]),
        ("certificate-by-post",
            [
                new RouteStep([StaffRoles.Approver], "係長決裁", "Chief"),
                new RouteStep([StaffRoles.Approver, StaffRoles.DepartmentAdmin], "課長・所属管理者の合議", "Joint review (head of section and department admin)"),
            ],
            [
                new CheckRule(CheckRules.Residence, Field: "address", City: "武蔵野市"),
                new CheckRule(CheckRules.Duplicate, NameField: "name", DateOfBirthField: "dateOfBirth"),
            ]),
    ];

    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<ProcedureCaseSettings>().Select(s => s.ProcedureSlug).ToListAsync(cancellationToken);
        foreach (var (slug, route, checks) in Settings.Where(s => !existing.Contains(s.Slug)))
        {
            db.Add(new ProcedureCaseSettings { Id = Guid.NewGuid(), ProcedureSlug = slug, RouteJson = ApprovalRoute.Serialize(route), ChecksJson = CheckRules.Serialize(checks) });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
