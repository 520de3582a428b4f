using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Plan.Model;

/// <summary>
/// An item (取組み事項) of the previous plan (第七次総合情報化基本計画), with its final status and
/// the number of the new project it continues as (本計画への引継ぎ).
/// </summary>
public sealed class PreviousPlanItem : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The plan that carries it over.</summary>
    public Guid PlanId { get; set; }

    public int Number { get; set; }

    /// <summary>基本施策 of the previous plan: Ⅰ–Ⅳ and its title.</summary>
    public required string PolicyCode { get; set; }

    public required string PolicyTitleJa { get; set; }

    public required string TitleJa { get; set; }

    /// <summary>担当課 as the plan prints them, e.g. 「市民課、情報政策課」.</summary>
    public required string DepartmentsJa { get; set; }

    /// <summary>Codes of the departments named, where the organisation has them.</summary>
    public List<string> DepartmentCodes { get; set; } = [];

    public AchievementStatus Status { get; set; }

    /// <summary>As of (時点), e.g. 令和6年度末.</summary>
    public string StatusAsOfJa { get; set; } = "";

    /// <summary>New project number it continues as (No.○へ); null when not carried over (—).</summary>
    public int? CarriedOverTo { get; set; }
}

/// <summary>達成状況 of a previous plan's item.</summary>
public enum AchievementStatus
{
    /// <summary>達成.</summary>
    Achieved = 0,

    /// <summary>概ね達成.</summary>
    MostlyAchieved = 1,

    /// <summary>一部のみ達成.</summary>
    PartlyAchieved = 2,

    /// <summary>未達成.</summary>
    NotAchieved = 3,
}
