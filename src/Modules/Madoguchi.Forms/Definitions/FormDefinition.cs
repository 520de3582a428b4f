using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Madoguchi.Forms.Definitions;

/// <summary>
/// フォーム定義: the declarative definition of a procedure's application form, stored as JSON (one
/// immutable copy per published version). Steps hold question groups shown one per page; fields may be
/// shown on a condition; a <see cref="FieldType.Group"/> field repeats its child fields (family members).
/// Answers are a JSON object keyed by field id: see docs/forms.md for the answer shape of each type.
/// </summary>
public sealed record FormDefinition
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Steps in order; each is one page of the citizen journey.</summary>
    public required IReadOnlyList<FormStep> Steps { get; init; }

    /// <summary>Values computed from the answers (e.g. the fee: 通数 × 300円), shown on the check page and receipt.</summary>
    public IReadOnlyList<ComputedValue> Computed { get; init; } = [];

    /// <summary>Cross-field rules that the JSON Schema cannot express (e.g. "at least one document if X").</summary>
    public IReadOnlyList<FormRule> Rules { get; init; } = [];

    public static FormDefinition Parse(string json) =>
        JsonSerializer.Deserialize<FormDefinition>(json, Json) ?? throw new JsonException("The form definition is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public IEnumerable<FormField> AllFields() => Steps.SelectMany(s => s.Fields);

    public FormStep? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>Japanese and English text; Japanese is required, English falls back to Japanese.</summary>
public sealed record LocalizedText(string Ja, string? En = null)
{
    public string Get(bool english) => english && !string.IsNullOrEmpty(En) ? En : Ja;

    public override string ToString() => Ja;
}

/// <summary>A question group: one page.</summary>
public sealed record FormStep
{
    /// <summary>Stable id used in URLs (<c>/apply/{slug}/{stepId}</c>): lowercase letters, digits, hyphens.</summary>
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Description { get; init; }

    /// <summary>The whole step is skipped when this condition is false.</summary>
    public Condition? ShowIf { get; init; }

    public required IReadOnlyList<FormField> Fields { get; init; }
}

public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    LongText,

    /// <summary>A number (integer unless <see cref="FormField.Decimals"/> &gt; 0).</summary>
    Number,

    /// <summary>A date: answer "YYYY-MM-DD"; entered and shown in 西暦 or 和暦.</summary>
    Date,

    /// <summary>One of the options (radio buttons, or a select when <see cref="FormField.Display"/> is select).</summary>
    Choice,

    /// <summary>Any number of the options (checkboxes); answer is an array of option values.</summary>
    MultiChoice,

    /// <summary>氏名 with フリガナ: answer { family, given, familyKana, givenKana }; kana must be カタカナ.</summary>
    JapaneseName,

    /// <summary>郵便番号: answer "180-0001" (7 digits, hyphen optional on input).</summary>
    PostalCode,

    /// <summary>住所: answer { postalCode, address, building }; address suggested from the city's postal codes.</summary>
    Address,

    /// <summary>電話番号: digits and hyphens, 10–11 digits.</summary>
    Phone,

    Email,

    /// <summary>添付ファイル: answer is the id of an upload; type checked by content, size limited.</summary>
    File,

    /// <summary>同意: must be true when required.</summary>
    Consent,

    /// <summary>個人番号: 12 digits with a valid check digit; never logged, masked after entry.</summary>
    MyNumber,

    /// <summary>A repeating group of child fields (e.g. 世帯員); answer is an array of objects.</summary>
    Group,
}

public enum ChoiceDisplay
{
    Radio,
    Select,
}

/// <summary>How a date is entered and shown.</summary>
public enum DateStyle
{
    /// <summary>西暦 (2026年11月25日).</summary>
    Gregorian,

    /// <summary>和暦 (令和8年11月25日), with the 西暦 beside it.</summary>
    Wareki,
}

/// <summary>A server-side date rule the schema cannot express.</summary>
public enum DateRule
{
    None,
    NotFuture,
    NotPast,
}

/// <summary>A question.</summary>
public sealed record FormField
{
    /// <summary>Answer key: lowerCamelCase letters and digits, unique in its step's form (or within its group).</summary>
    public required string Id { get; init; }

    public required FieldType Type { get; init; }

    public required LocalizedText Label { get; init; }

    /// <summary>Hint under the label: what to enter, where to find it.</summary>
    public LocalizedText? Help { get; init; }

    public bool Required { get; init; }

    /// <summary>Shown (and validated, and kept in the summary) only when this condition holds.</summary>
    public Condition? ShowIf { get; init; }

    /// <summary>Text: maximum characters (default 200 for text, 2000 for long text).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Text: a regular expression the whole value must match (ECMAScript-compatible, used by the schema too).</summary>
    public string? Pattern { get; init; }

    /// <summary>Text: what to tell the person when <see cref="Pattern"/> does not match.</summary>
    public LocalizedText? PatternMessage { get; init; }

    /// <summary>Number: bounds (inclusive).</summary>
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Number: digits after the decimal point (0 = integer).</summary>
    public int Decimals { get; init; }

    /// <summary>Number: unit shown after the box (通, 円, 人).</summary>
    public LocalizedText? Unit { get; init; }

    /// <summary>Choice / MultiChoice options.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    public ChoiceDisplay Display { get; init; } = ChoiceDisplay.Radio;

    /// <summary>Date: how it is entered and shown.</summary>
    public DateStyle DateStyle { get; init; } = DateStyle.Gregorian;

    public DateRule DateRule { get; init; } = DateRule.None;

    /// <summary>File: accepted media types, checked by content (application/pdf, image/jpeg, image/png).</summary>
    public IReadOnlyList<string> Accept { get; init; } = [];

    /// <summary>File: maximum size in KiB (default 5120).</summary>
    public int? MaxSizeKb { get; init; }

    /// <summary>Group: the repeated child fields (no nested groups).</summary>
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>Group: how many items (the page offers "add another" up to MaxItems).</summary>
    public int MinItems { get; init; }

    public int MaxItems { get; init; } = 10;

    /// <summary>Group: the label of one item ("世帯員", "Household member").</summary>
    public LocalizedText? ItemLabel { get; init; }

    /// <summary>Once-only prefill from a signed-in citizen's profile: name, address, phone, email, dateOfBirth.</summary>
    public string? Prefill { get; init; }
}

public sealed record ChoiceOption(string Value, LocalizedText Label, LocalizedText? Help = null);

/// <summary>
/// A condition on answers. Exactly one form is used: a comparison on <see cref="Field"/>
/// (<see cref="EqualTo"/>, <see cref="In"/>, <see cref="IsAnswered"/>, <see cref="Contains"/>), or a
/// combination (<see cref="All"/>, <see cref="Any"/>, <see cref="Not"/>). Inside a group, a field id
/// names a sibling in the same item first, then a top-level field.
/// </summary>
public sealed record Condition
{
    public string? Field { get; init; }

    /// <summary>The answer equals this value (string, number or boolean).</summary>
    public JsonNode? EqualTo { get; init; }

    /// <summary>The answer is one of these values.</summary>
    public IReadOnlyList<JsonNode?>? In { get; init; }

    /// <summary>The answer is present and not empty (true), or absent/empty (false).</summary>
    public bool? IsAnswered { get; init; }

    /// <summary>A MultiChoice answer contains this value.</summary>
    public string? Contains { get; init; }

    public IReadOnlyList<Condition>? All { get; init; }

    public IReadOnlyList<Condition>? Any { get; init; }

    public Condition? Not { get; init; }
}

/// <summary>A value computed from answers, such as the fee.</summary>
public sealed record ComputedValue
{
    public required string Id { get; init; }

    public required LocalizedText Label { get; init; }

    public required Expression Expression { get; init; }

    /// <summary>Unit shown after the value (円).</summary>
    public LocalizedText? Unit { get; init; }

    /// <summary>
    /// True when this value is paid (used by payments): the one with id <c>fee</c> (else the first) is the fee (手数料),
    /// which an exemption can waive; any other is a charge paid with it, e.g. 郵送料.
    /// </summary>
    public bool IsFee { get; init; }
}

/// <summary>
/// An arithmetic expression over answers: exactly one of <see cref="Value"/>, <see cref="Field"/>
/// (a number answer; 0 when absent or hidden), <see cref="Count"/> (items of a group or choices of a
/// MultiChoice), <see cref="Sum"/>, <see cref="Multiply"/>, <see cref="If"/>/<see cref="Then"/>/<see cref="Else"/>,
/// or <see cref="SumOver"/>/<see cref="Each"/>.
/// </summary>
public sealed record Expression
{
    public decimal? Value { get; init; }

    public string? Field { get; init; }

    public string? Count { get; init; }

    public IReadOnlyList<Expression>? Sum { get; init; }

    public IReadOnlyList<Expression>? Multiply { get; init; }

    public Condition? If { get; init; }

    public Expression? Then { get; init; }

    public Expression? Else { get; init; }

    /// <summary>
    /// The id of a group: the value is the sum of <see cref="Each"/> over its items (0 when it has none),
    /// e.g. a fee per item (品目ごとの手数料 × 点数). Inside <see cref="Each"/>, field ids in fields and
    /// conditions name the item's own fields first, then top-level fields, as in group conditions.
    /// </summary>
    public string? SumOver { get; init; }

    /// <summary>With <see cref="SumOver"/>: the expression evaluated for each item.</summary>
    public Expression? Each { get; init; }
}

/// <summary>A cross-field rule checked on the server: when <see cref="When"/> holds, <see cref="Require"/> must hold.</summary>
public sealed record FormRule
{
    public required string Id { get; init; }

    /// <summary>The field the error is shown on.</summary>
    public required string Field { get; init; }

    public Condition? When { get; init; }

    public required Condition Require { get; init; }

    public required LocalizedText Message { get; init; }
}
