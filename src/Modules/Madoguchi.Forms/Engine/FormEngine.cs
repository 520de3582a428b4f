using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>What validation and display need besides the definition and the answers.</summary>
public sealed record FormContext(DateOnly Today)
{
    /// <summary>Finds an upload by the id stored as a File answer (null when it does not exist or is not this applicant's).</summary>
    public Func<string, UploadInfo?>? FindUpload { get; init; }
}

public sealed record UploadInfo(string Id, string FileName, string ContentType, long Size);

/// <summary>One problem with one answer, in plain Japanese and English, saying how to fix it.</summary>
public sealed record FieldError(string Path, string Code, string MessageJa, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageJa;
}

public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly FormValidationResult Valid = new([]);

    public bool IsValid => Errors.Count == 0;

    /// <summary>RFC 9457 <c>errors</c> member: field path → messages.</summary>
    public Dictionary<string, string[]> ToDictionary(bool english) =>
        Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message(english)).ToArray(), StringComparer.Ordinal);
}

/// <summary>A computed value (e.g. the fee) for the given answers.</summary>
public sealed record ComputedResult(ComputedValue Definition, decimal Value);

/// <summary>Check-your-answers / receipt rows of one step: only visible, non-empty answers, as display text.</summary>
public sealed record SummarySection(FormStep Step, IReadOnlyList<SummaryRow> Rows);

/// <summary>One answer as text (dates in the field's style, My Number masked, choices by label, files by name); group items nest.</summary>
public sealed record SummaryRow(string Path, string LabelJa, string LabelEn, string ValueJa, string ValueEn, IReadOnlyList<SummaryRow> Children)
{
    public string Label(bool english) => english ? LabelEn : LabelJa;

    public string Value(bool english) => english ? ValueEn : ValueJa;
}

/// <summary>
/// The form engine: conditions, validation, cleaning, computed values and summaries over a
/// <see cref="FormDefinition"/> and a JSON answers object. Pure functions, no I/O.
/// </summary>
public static class FormEngine
{
    /// <summary>Steps whose condition holds for these answers, in order.</summary>
    public static IReadOnlyList<FormStep> VisibleSteps(FormDefinition definition, JsonObject answers) => throw new NotImplementedException();

    /// <summary>Whether a field is shown; <paramref name="item"/> is the group item it belongs to, if any.</summary>
    public static bool IsVisible(FormField field, JsonObject answers, JsonObject? item = null) => throw new NotImplementedException();

    /// <summary>Validates the visible fields of one step (for the page the citizen just posted).</summary>
    public static FormValidationResult ValidateStep(FormDefinition definition, FormStep step, JsonObject answers, FormContext context) => throw new NotImplementedException();

    /// <summary>Validates the whole answer set: every visible step, the form's rules, unknown keys.</summary>
    public static FormValidationResult Validate(FormDefinition definition, JsonObject answers, FormContext context) => throw new NotImplementedException();

    /// <summary>The answers to keep: hidden fields, empty values and unknown keys removed, values normalised.</summary>
    public static JsonObject Clean(FormDefinition definition, JsonObject answers) => throw new NotImplementedException();

    public static IReadOnlyList<ComputedResult> Compute(FormDefinition definition, JsonObject answers) => throw new NotImplementedException();

    public static IReadOnlyList<SummarySection> Summarize(FormDefinition definition, JsonObject answers, FormContext context) => throw new NotImplementedException();
}
