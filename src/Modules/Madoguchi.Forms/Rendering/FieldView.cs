using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Forms.Rendering;

/// <summary>
/// What the field partial needs to render one question: the field, the answer path its inputs are
/// named by (<c>members[1].relation</c>), the value as typed, its errors, and for a repeating group
/// the views of each item's fields.
/// </summary>
public sealed partial record FieldView(FormField Field, string Path, JsonNode? Value, IReadOnlyList<FieldError> Errors, bool English)
{
    /// <summary>Group: one list of child views per item.</summary>
    public IReadOnlyList<IReadOnlyList<FieldView>> Items { get; init; } = [];

    /// <summary>When the field depends on another answer on the same page: the condition as JSON, for the reveal script.</summary>
    public string? ShowIfJson { get; init; }

    /// <summary>Group: the path prefix of the group's items, for the condition script.</summary>
    public string? ScopePrefix { get; init; }

    /// <summary>File: the name of the file already attached, if any.</summary>
    public string? FileName { get; init; }

    public string Id => InputId(Path);

    public string Label => Field.Label.Get(English);

    public string? Help => Field.Help?.Get(English);

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Errors on this field itself (not on a group item's fields).</summary>
    public IEnumerable<FieldError> OwnErrors => Field.Type == FieldType.Group ? Errors.Where(e => e.Path == Path) : Errors;

    public string ErrorId => Id + "-error";

    public string HintId => Id + "-hint";

    /// <summary>aria-describedby for the field's inputs: its hint and its error message.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Help is null ? null : HintId, OwnErrors.Any() ? ErrorId : null }.Where(s => s is not null)) is { Length: > 0 } s ? s : null;

    /// <summary>The HTML id of the input (or fieldset) an answer path is entered in: letters, digits and hyphens.</summary>
    public static string InputId(string path) => "f-" + NotIdCharacters().Replace(path ?? "", "-").Trim('-');

    public string SubId(string part) => InputId(Path + "." + part);

    public string SubName(string part) => Path + "." + part;

    /// <summary>The answer as text (for one-line inputs); a number as typed; nothing for objects and arrays.</summary>
    public string Text => TextOf(Value);

    public string Part(string name) => Value is JsonObject o ? TextOf(o[name]) : "";

    public bool IsChosen(string option) => Value switch
    {
        JsonArray a => a.Any(v => TextOf(v) == option),
        JsonValue v => TextOf(v) == option,
        _ => false,
    };

    public bool IsTrue => Value is JsonValue v && ((v.GetValueKind() == JsonValueKind.True) || TextOf(v) is "true" or "on");

    /// <summary>Date parts as typed: era (和暦 only), year, month, day.</summary>
    public (string Era, string Year, string Month, string Day) DateParts => DateBinding.Parts(Text, Field.DateStyle);

    public static string TextOf(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => AnswerText.TryGetString(v, out var s) ? s : "",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        _ => "",
    };

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();
}
