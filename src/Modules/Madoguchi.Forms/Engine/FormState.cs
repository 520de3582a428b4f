using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>
/// Visibility over one answer set. A field's value counts in a condition only when that field is itself
/// shown, so hiding a field also hides the fields that depend on it (a stale answer never leaks).
/// Cycles (a field shown on a condition about itself) resolve to hidden.
/// </summary>
internal sealed class FormState
{
    private readonly Dictionary<string, (FormField Field, FormStep Step)> top = new(StringComparer.Ordinal);
    private readonly Dictionary<FormStep, bool?> steps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FormField, bool?> fields = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(JsonObject Item, FormField Field), bool?> children = [];

    public FormState(FormDefinition definition, JsonObject answers)
    {
        Definition = definition;
        Answers = answers;
        foreach (var step in definition.Steps)
        {
            foreach (var field in step.Fields)
            {
                top.TryAdd(field.Id, (field, step));
            }
        }
    }

    public FormDefinition Definition { get; }

    public JsonObject Answers { get; }

    public (FormField Field, FormStep Step)? FindTop(string id) => top.TryGetValue(id, out var f) ? f : null;

    public bool StepVisible(FormStep step)
    {
        if (steps.TryGetValue(step, out var known))
        {
            return known ?? false;
        }

        steps[step] = null;
        var visible = step.ShowIf is null || Evaluate(step.ShowIf, null, null);
        steps[step] = visible;
        return visible;
    }

    public bool FieldVisible(FormField field)
    {
        if (fields.TryGetValue(field, out var known))
        {
            return known ?? false;
        }

        fields[field] = null;
        var step = top.TryGetValue(field.Id, out var entry) && ReferenceEquals(entry.Field, field) ? entry.Step : null;
        var visible = (step is null || StepVisible(step)) && (field.ShowIf is null || Evaluate(field.ShowIf, null, null));
        fields[field] = visible;
        return visible;
    }

    public bool ChildVisible(FormField group, FormField child, JsonObject item)
    {
        if (children.TryGetValue((item, child), out var known))
        {
            return known ?? false;
        }

        children[(item, child)] = null;
        var visible = FieldVisible(group) && (child.ShowIf is null || Evaluate(child.ShowIf, group, item));
        children[(item, child)] = visible;
        return visible;
    }

    /// <summary>The value a condition sees for a field id: a sibling in the group item first, then a top-level field; null when hidden.</summary>
    public (JsonNode? Value, FormField? Field) Resolve(string id, FormField? group, JsonObject? item)
    {
        if (group is not null && item is not null)
        {
            var sibling = group.Fields.FirstOrDefault(f => f.Id == id);
            if (sibling is not null)
            {
                return ChildVisible(group, sibling, item) ? (item[id], sibling) : (null, sibling);
            }
        }

        if (top.TryGetValue(id, out var entry))
        {
            return FieldVisible(entry.Field) ? (Answers[id], entry.Field) : (null, entry.Field);
        }

        return (null, null);
    }

    public bool Evaluate(Condition condition, FormField? group, JsonObject? item) =>
        Conditions.Evaluate(condition, id => Resolve(id, group, item));
}

/// <summary>Evaluates a <see cref="Condition"/> given a way to read a field's value.</summary>
internal static class Conditions
{
    public static bool Evaluate(Condition condition, Func<string, (JsonNode? Value, FormField? Field)> resolve, int depth = 0)
    {
        if (depth > 32)
        {
            return false;
        }

        var result = true;
        if (condition.Field is { } id)
        {
            var (value, field) = resolve(id);
            if (condition.EqualTo is null && condition.In is null && condition.IsAnswered is null && condition.Contains is null)
            {
                // A bare field reference means "is answered".
                result &= !AnswerText.IsEmpty(value);
            }

            if (condition.EqualTo is not null)
            {
                result &= ValueEquals(value, condition.EqualTo, field);
            }

            if (condition.In is { } options)
            {
                result &= options.Any(o => ValueEquals(value, o, field));
            }

            if (condition.IsAnswered is { } answered)
            {
                result &= AnswerText.IsEmpty(value) != answered;
            }

            if (condition.Contains is { } contained)
            {
                result &= value switch
                {
                    JsonArray array => array.Any(e => AnswerText.TryGetString(e, out var s) && s == contained),
                    JsonValue => AnswerText.TryGetString(value, out var s) && s == contained,
                    _ => false,
                };
            }
        }

        if (condition.All is { } all)
        {
            result &= all.All(c => Evaluate(c, resolve, depth + 1));
        }

        if (condition.Any is { } any)
        {
            result &= any.Any(c => Evaluate(c, resolve, depth + 1));
        }

        if (condition.Not is { } not)
        {
            result &= !Evaluate(not, resolve, depth + 1);
        }

        return result;
    }

    /// <summary>
    /// Answer equals the expected value: strings ordinally, numbers by value (a Number field's digit
    /// string counts as its number), booleans exactly.
    /// </summary>
    public static bool ValueEquals(JsonNode? answer, JsonNode? expected, FormField? field)
    {
        if (expected is not JsonValue ev)
        {
            return expected is null && AnswerText.IsEmpty(answer);
        }

        if (answer is not JsonValue av)
        {
            return false;
        }

        switch (ev.GetValueKind())
        {
            case JsonValueKind.Number:
                if (!AnswerText.TryGetNumber(ev, out var n))
                {
                    return false;
                }

                if (av.GetValueKind() == JsonValueKind.Number || field?.Type == FieldType.Number)
                {
                    return AnswerText.TryGetNumber(av, out var a) && a == n;
                }

                return false;
            case JsonValueKind.String:
                return AnswerText.TryGetString(ev, out var es) && AnswerText.TryGetString(av, out var s) && s == es;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return av.GetValueKind() == ev.GetValueKind();
            default:
                return false;
        }
    }
}
