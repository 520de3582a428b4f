namespace Madoguchi.Forms.Contracts;

/// <summary>One answer as display text (dates in the field's style, My Number masked, choices by label); group items nest.</summary>
public sealed record AnswerRow(string LabelJa, string LabelEn, string ValueJa, string ValueEn, IReadOnlyList<AnswerRow> Children)
{
    public string Label(bool english) => english ? LabelEn : LabelJa;

    public string Value(bool english) => english ? ValueEn : ValueJa;
}

/// <summary>The answers of one step of the form.</summary>
public sealed record AnswerSection(string TitleJa, string TitleEn, IReadOnlyList<AnswerRow> Rows)
{
    public string Title(bool english) => english && !string.IsNullOrEmpty(TitleEn) ? TitleEn : TitleJa;
}

/// <summary>A submission's answers rendered with the form version it was made with (受付控え and the staff case page alike).</summary>
public sealed record SubmissionAnswers(int FormVersion, IReadOnlyList<AnswerSection> Sections);

/// <summary>Renders a submission's answers for other modules (the staff case page) without reaching into the forms engine.</summary>
public interface ISubmissionAnswers
{
    /// <summary>Null when the submission or its form version does not exist.</summary>
    Task<SubmissionAnswers?> SummarizeAsync(Guid submissionId, CancellationToken cancellationToken);
}
