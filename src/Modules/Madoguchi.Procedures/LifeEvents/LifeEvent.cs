using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Procedures.LifeEvents;

/// <summary>
/// ライフイベント: a moment in life (転入, 出生, 結婚…) that leads to a personal checklist of
/// procedures. A few yes/no questions decide which procedures apply.
/// </summary>
public sealed class LifeEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Slug { get; set; }
    public int SortOrder { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    /// <summary>Yes/no questions, asked in order.</summary>
    public List<LifeEventQuestion> Questions { get; set; } = [];

    /// <summary>Procedures that may apply, each with the question that must be answered yes (or none: always).</summary>
    public List<LifeEventItem> Items { get; set; } = [];

    public string Title(bool english) => english ? TitleEn : TitleJa;
    public string Description(bool english) => english ? DescriptionEn : DescriptionJa;

    /// <summary>The checklist for these answers: every item without a condition, and those whose question was answered yes.</summary>
    public IReadOnlyList<LifeEventItem> ChecklistFor(IReadOnlySet<string> yesAnswers)
    {
        ArgumentNullException.ThrowIfNull(yesAnswers);
        return [.. Items.Where(i => i.WhenYes is null || yesAnswers.Contains(i.WhenYes))];
    }
}

public sealed record LifeEventQuestion(string Key, string TextJa, string TextEn, string HintJa = "", string HintEn = "")
{
    public string Text(bool english) => english ? TextEn : TextJa;
    public string Hint(bool english) => english ? HintEn : HintJa;
}

/// <param name="ProcedureSlug">The procedure to do.</param>
/// <param name="WhenYes">Key of the question that must be answered yes, or null when it always applies.</param>
/// <param name="NoteJa">Timing or advice, e.g. 14日以内.</param>
/// <param name="NoteEn">The same in English.</param>
public sealed record LifeEventItem(string ProcedureSlug, string? WhenYes, string NoteJa = "", string NoteEn = "")
{
    public string Note(bool english) => english ? NoteEn : NoteJa;
}
