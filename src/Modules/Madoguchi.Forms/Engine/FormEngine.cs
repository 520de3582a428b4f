using System.Globalization;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>What validation and display need besides the definition and the answers.</summary>
public sealed record FormContext(DateOnly Today)
{
    /// <summary>Finds an upload by the id stored as a File answer (null when it does not exist or is not this applicant's).</summary>
    public Func<string, UploadInfo?>? FindUpload { get; init; }

    /// <summary>Show a My Number answer in full in summaries (staff viewing a case); masked as ********1234 otherwise.</summary>
    public bool ShowFullMyNumber { get; init; }
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
    public static IReadOnlyList<FormStep> VisibleSteps(FormDefinition definition, JsonObject answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var state = new FormState(definition, answers);
        return [.. definition.Steps.Where(state.StepVisible)];
    }

    /// <summary>
    /// Whether a field is shown; <paramref name="item"/> is the group item it belongs to, if any. This
    /// overload sees the raw answers: prefer <see cref="IsVisible(FormDefinition, FormField, JsonObject, JsonObject?)"/>,
    /// which also hides fields that depend on hidden fields.
    /// </summary>
    public static bool IsVisible(FormField field, JsonObject answers, JsonObject? item = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(answers);
        return field.ShowIf is null || Conditions.Evaluate(field.ShowIf, id => (item is not null && item.ContainsKey(id) ? item[id] : answers[id], null));
    }

    /// <summary>
    /// Whether a field is shown: its step is shown and its condition holds, where a field's answer counts
    /// only while that field is shown itself. <paramref name="item"/> is the group item of a child field.
    /// </summary>
    public static bool IsVisible(FormDefinition definition, FormField field, JsonObject answers, JsonObject? item = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(answers);
        var state = new FormState(definition, answers);
        if (item is not null)
        {
            var group = definition.AllFields().FirstOrDefault(g => g.Type == FieldType.Group && g.Fields.Contains(field));
            if (group is not null)
            {
                return state.ChildVisible(group, field, item);
            }
        }

        return state.FieldVisible(field);
    }

    /// <summary>Validates the visible fields of one step (for the page the citizen just posted), and the form's rules shown on them.</summary>
    public static FormValidationResult ValidateStep(FormDefinition definition, FormStep step, JsonObject answers, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var state = new FormState(definition, answers);
        var errors = new List<FieldError>();
        if (!state.StepVisible(step))
        {
            return FormValidationResult.Valid;
        }

        foreach (var field in step.Fields.Where(state.FieldVisible))
        {
            FieldValidator.Validate(state, field, answers[field.Id], field.Id, context, errors);
        }

        CheckRules(state, step.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal), errors);
        return Result(errors);
    }

    /// <summary>Validates the whole answer set: every visible step, the form's rules, unknown keys.</summary>
    public static FormValidationResult Validate(FormDefinition definition, JsonObject answers, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var state = new FormState(definition, answers);
        var errors = new List<FieldError>();
        foreach (var (key, _) in answers)
        {
            if (state.FindTop(key) is null)
            {
                errors.Add(FieldValidator.UnknownError(key));
            }
        }

        foreach (var step in definition.Steps.Where(state.StepVisible))
        {
            foreach (var field in step.Fields.Where(state.FieldVisible))
            {
                FieldValidator.Validate(state, field, answers[field.Id], field.Id, context, errors);
            }
        }

        CheckRules(state, null, errors);
        return Result(errors);
    }

    private static void CheckRules(FormState state, HashSet<string>? onlyFields, List<FieldError> errors)
    {
        foreach (var rule in state.Definition.Rules)
        {
            if (onlyFields is not null && !onlyFields.Contains(rule.Field))
            {
                continue;
            }

            // A rule about a hidden field does not apply.
            if (state.FindTop(rule.Field) is { } target && !state.FieldVisible(target.Field))
            {
                continue;
            }

            if ((rule.When is null || state.Evaluate(rule.When, null, null)) && !state.Evaluate(rule.Require, null, null)
                && errors.All(e => e.Path != rule.Field))
            {
                errors.Add(new FieldError(rule.Field, FieldErrorCodes.Rule(rule.Id), rule.Message.Ja, rule.Message.Get(true)));
            }
        }
    }

    private static FormValidationResult Result(List<FieldError> errors) => errors.Count == 0 ? FormValidationResult.Valid : new FormValidationResult(errors);

    /// <summary>
    /// The answers to keep: hidden fields, empty values and unknown keys removed, values normalised
    /// (trimmed text, postal codes as 180-0001, numbers from full-width digits, dates as YYYY-MM-DD,
    /// kana as full-width katakana, My Number as 12 digits). Values that cannot be normalised are kept as given.
    /// </summary>
    public static JsonObject Clean(FormDefinition definition, JsonObject answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var state = new FormState(definition, answers);
        var result = new JsonObject();
        foreach (var step in definition.Steps.Where(state.StepVisible))
        {
            foreach (var field in step.Fields.Where(state.FieldVisible))
            {
                var value = Normalizer.Normalize(field, answers[field.Id], state, null);
                if (!AnswerText.IsEmpty(value) && !result.ContainsKey(field.Id))
                {
                    result[field.Id] = value;
                }
            }
        }

        return result;
    }

    /// <summary>The computed values (e.g. the fee) over the visible answers.</summary>
    public static IReadOnlyList<ComputedResult> Compute(FormDefinition definition, JsonObject answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var state = new FormState(definition, answers);
        return [.. definition.Computed.Select(c => new ComputedResult(c, Evaluate(c.Expression, state, null, null, 0)))];
    }

    private static decimal Evaluate(Expression e, FormState state, FormField? group, JsonObject? item, int depth)
    {
        if (depth > 32)
        {
            return 0;
        }

        decimal Sub(Expression? x) => x is null ? 0 : Evaluate(x, state, group, item, depth + 1);
        if (e.Value is { } value)
        {
            return value;
        }

        if (e.Field is { } id)
        {
            var (node, _) = state.Resolve(id, group, item);
            return AnswerText.TryGetNumber(node, out var n) ? n : 0;
        }

        if (e.Count is { } countId)
        {
            var (node, field) = state.Resolve(countId, group, item);
            if (node is not JsonArray array)
            {
                return !AnswerText.IsEmpty(node) && field?.Type == FieldType.MultiChoice ? 1 : 0;
            }

            return field?.Type == FieldType.Group ? array.Count(i => !AnswerText.IsEmpty(i)) : array.Count;
        }

        if (e.Sum is { } sum)
        {
            return Safe(() => sum.Aggregate(0m, (acc, x) => acc + Sub(x)));
        }

        if (e.Multiply is { } product)
        {
            return Safe(() => product.Aggregate(1m, (acc, x) => acc * Sub(x)));
        }

        if (e.If is { } condition)
        {
            return state.Evaluate(condition, group, item) ? Sub(e.Then) : Sub(e.Else);
        }

        if (e.SumOver is { } groupId && e.Each is { } each)
        {
            // 品目ごとの手数料: the sum of Each over the (visible) group's non-empty items, item fields first.
            var (node, field) = state.Resolve(groupId, null, null);
            if (node is not JsonArray items || field?.Type != FieldType.Group)
            {
                return 0;
            }

            return Safe(() => items.OfType<JsonObject>().Where(i => !AnswerText.IsEmpty(i))
                .Aggregate(0m, (acc, i) => acc + Evaluate(each, state, field, i, depth + 1)));
        }

        return 0;
    }

    private static decimal Safe(Func<decimal> f)
    {
        try
        {
            return f();
        }
        catch (OverflowException)
        {
            return 0;
        }
    }

    /// <summary>Check-your-answers rows: visible steps, visible non-empty answers, as display text.</summary>
    public static IReadOnlyList<SummarySection> Summarize(FormDefinition definition, JsonObject answers, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var state = new FormState(definition, answers);
        var sections = new List<SummarySection>();
        foreach (var step in definition.Steps.Where(state.StepVisible))
        {
            var rows = new List<SummaryRow>();
            foreach (var field in step.Fields.Where(state.FieldVisible))
            {
                if (Summary.Row(field, answers[field.Id], field.Id, state, context, null) is { } row)
                {
                    rows.Add(row);
                }
            }

            if (rows.Count > 0)
            {
                sections.Add(new SummarySection(step, rows));
            }
        }

        return sections;
    }
}
