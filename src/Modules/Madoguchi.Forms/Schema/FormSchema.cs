using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Forms.Schema;

/// <summary>
/// JSON Schema (2020-12) of a form version's answers. Everything the schema accepts, the server's
/// <see cref="FormEngine.Validate"/> accepts too, except the rules listed in the top-level
/// <c>x-server-rules</c> array (<c>{ field, rule, message, messageEn }</c>; <c>rule</c> is the
/// <see cref="FieldError.Code"/> the server reports, <c>field</c> the error path with <c>[]</c> for
/// any group item, <c>*</c> for any field). The schema is at times stricter than the server (it wants
/// katakana where the server also converts hiragana, ASCII digits where the server also reads full-width
/// ones, and it checks the types of fields that are hidden), never looser.
/// </summary>
public static class FormSchema
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private const string NoControlLine = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
    private const string NoControlLong = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
    private const string NotBlank = "\\S";
    private const string NotBlankLine = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$";
    private const string PostalPattern = "^[0-9]{3}-?[0-9]{4}$";
    private const string PhonePattern = "^0(?:[0-9]{9,10}|[0-9]-[0-9]{4}-[0-9]{4}|[0-9]{2}-[0-9]{3,4}-[0-9]{4}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{4}-[0-9]-[0-9]{4})$";
    private const string EmailPattern = "^[^\\s@\\u0000-\\u001F\\u007F-\\u009F]+@[^\\s@.\\u0000-\\u001F\\u007F-\\u009F]+(\\.[^\\s@.\\u0000-\\u001F\\u007F-\\u009F]+)+$";

    public static JsonObject Generate(FormDefinition definition, string schemaId, string title)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var generator = new Generator(definition);
        return generator.Root(schemaId, title);
    }

    private sealed class Generator(FormDefinition definition)
    {
        private readonly JsonArray rules = [];
        private readonly Dictionary<string, (FormField Field, FormStep Step)> top = definition.Steps
            .SelectMany(s => s.Fields.Select(f => (f, s))).GroupBy(x => x.f.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private readonly HashSet<FormField> visiting = new(ReferenceEqualityComparer.Instance);

        public JsonObject Root(string schemaId, string title)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            var allOf = new JsonArray();
            foreach (var step in definition.Steps)
            {
                foreach (var field in step.Fields)
                {
                    if (properties.ContainsKey(field.Id))
                    {
                        continue;
                    }

                    properties[field.Id] = Field(field, field.Id, null);
                    if (field.Required)
                    {
                        Require(field, field.Id, VisibleTop(field), properties, required, allOf);
                    }
                }
            }

            foreach (var rule in definition.Rules)
            {
                AddRule(rule.Field, FieldErrorCodes.Rule(rule.Id), rule.Message.Ja, rule.Message.Get(true));
            }

            AddRule("*", FieldErrorCodes.InvalidCharacters, "対になっていないサロゲート（壊れた文字）を含む文字列は受け付けません", "Strings holding unpaired UTF-16 surrogates (broken characters) are refused");

            var schema = new JsonObject
            {
                ["$schema"] = Dialect,
                ["$id"] = schemaId,
                ["title"] = title,
                ["type"] = "object",
                ["properties"] = properties,
                ["additionalProperties"] = false,
            };
            if (required.Count > 0)
            {
                schema["required"] = required;
            }

            if (allOf.Count > 0)
            {
                schema["allOf"] = allOf;
            }

            schema["x-server-rules"] = rules;
            return schema;
        }

        /// <summary>Adds "required" for a field: plainly, through if/then when its visibility is expressible, else as a server rule.</summary>
        private void Require(FormField field, string path, JsonNode? visible, JsonObject properties, JsonArray required, JsonArray allOf)
        {
            if (visible is JsonValue v && v.GetValueKind() == JsonValueKind.True)
            {
                required.Add(field.Id);
                if (properties[field.Id] is JsonObject property)
                {
                    MergeInto(property, NonEmpty(field));
                }
            }
            else if (visible is not null)
            {
                allOf.Add(new JsonObject
                {
                    ["if"] = visible,
                    ["then"] = new JsonObject
                    {
                        ["required"] = new JsonArray(field.Id),
                        ["properties"] = new JsonObject { [field.Id] = NonEmpty(field) },
                    },
                });
            }
            else
            {
                AddRule(path, FieldErrorCodes.Required, $"{field.Label.Ja}は、表示される条件を満たすとき必須です（この条件はスキーマで表せません）",
                    $"{field.Label.Get(true)} is required when it is shown (a condition the schema cannot express)");
            }
        }

        private void AddRule(string field, string rule, string message, string messageEn) =>
            rules.Add(new JsonObject { ["field"] = field, ["rule"] = rule, ["message"] = message, ["messageEn"] = messageEn });

        private JsonObject Field(FormField field, string path, FormField? group)
        {
            var schema = new JsonObject { ["title"] = field.Label.Ja };
            if (field.Help is not null)
            {
                schema["description"] = field.Help.Ja;
            }

            switch (field.Type)
            {
                case FieldType.Text:
                case FieldType.LongText:
                    schema["type"] = "string";
                    schema["maxLength"] = FieldValidator.TextMax(field);
                    schema["pattern"] = field.Type == FieldType.Text ? NoControlLine : NoControlLong;
                    if (field.Pattern is { } pattern)
                    {
                        schema["allOf"] = new JsonArray(new JsonObject { ["pattern"] = FieldValidator.AnchoredPattern(pattern) });
                    }

                    break;
                case FieldType.Number:
                    schema["type"] = field.Decimals > 0 ? "number" : "integer";
                    schema["minimum"] = field.Min ?? -AnswerText.NumberLimit;
                    schema["maximum"] = field.Max ?? AnswerText.NumberLimit;
                    if (field.Decimals > 0)
                    {
                        schema["multipleOf"] = decimal.Parse("0." + new string('0', field.Decimals - 1) + "1", CultureInfo.InvariantCulture);
                    }

                    if (field.Unit is not null)
                    {
                        schema["x-unit"] = field.Unit.Ja;
                    }

                    break;
                case FieldType.Date:
                    schema["type"] = "string";
                    schema["format"] = "date";
                    AddRule(path, FieldErrorCodes.InvalidDate, $"{field.Label.Ja}は実在する日付でなければなりません（format: date）", $"{field.Label.Get(true)} must be a real calendar date (format: date)");
                    if (field.DateRule == DateRule.NotFuture)
                    {
                        AddRule(path, FieldErrorCodes.DateInFuture, $"{field.Label.Ja}は今日以前の日付", $"{field.Label.Get(true)} must be today or in the past");
                    }
                    else if (field.DateRule == DateRule.NotPast)
                    {
                        AddRule(path, FieldErrorCodes.DateInPast, $"{field.Label.Ja}は今日以降の日付", $"{field.Label.Get(true)} must be today or in the future");
                    }

                    break;
                case FieldType.Choice:
                    schema["type"] = "string";
                    schema["oneOf"] = Options(field);
                    break;
                case FieldType.MultiChoice:
                    schema["type"] = "array";
                    schema["items"] = new JsonObject { ["type"] = "string", ["oneOf"] = Options(field) };
                    schema["uniqueItems"] = true;
                    schema["maxItems"] = field.Options.Count;
                    break;
                case FieldType.JapaneseName:
                    schema["type"] = "object";
                    schema["properties"] = new JsonObject
                    {
                        ["family"] = NamePart("姓"),
                        ["given"] = NamePart("名"),
                        ["familyKana"] = KanaPart("姓のフリガナ"),
                        ["givenKana"] = KanaPart("名のフリガナ"),
                    };
                    schema["additionalProperties"] = false;
                    schema["dependentRequired"] = AllOrNothing("family", "given", "familyKana", "givenKana");
                    AddRule($"{path}.family", FieldErrorCodes.Emoji, "氏名に絵文字は使えません", "Names cannot contain emoji");
                    AddRule($"{path}.given", FieldErrorCodes.Emoji, "氏名に絵文字は使えません", "Names cannot contain emoji");
                    break;
                case FieldType.PostalCode:
                    schema["type"] = "string";
                    schema["pattern"] = PostalPattern;
                    schema["examples"] = new JsonArray("180-0001");
                    break;
                case FieldType.Address:
                    schema["type"] = "object";
                    schema["properties"] = new JsonObject
                    {
                        ["postalCode"] = new JsonObject { ["title"] = "郵便番号", ["type"] = "string", ["pattern"] = PostalPattern },
                        ["address"] = Line("住所", FieldValidator.AddressMax),
                        ["building"] = Line("建物名・部屋番号", FieldValidator.AddressMax),
                    };
                    schema["additionalProperties"] = false;
                    schema["dependentRequired"] = new JsonObject
                    {
                        ["postalCode"] = new JsonArray("address"),
                        ["address"] = new JsonArray("postalCode"),
                        ["building"] = new JsonArray("postalCode", "address"),
                    };
                    break;
                case FieldType.Phone:
                    schema["type"] = "string";
                    schema["pattern"] = PhonePattern;
                    schema["examples"] = new JsonArray("0422-51-5131");
                    break;
                case FieldType.Email:
                    schema["type"] = "string";
                    schema["format"] = "email";
                    schema["maxLength"] = FieldValidator.EmailMax;
                    schema["pattern"] = EmailPattern;
                    break;
                case FieldType.Consent:
                    schema["type"] = "boolean";
                    break;
                case FieldType.MyNumber:
                    schema["type"] = "string";
                    schema["pattern"] = "^[0-9]{12}$";
                    schema["writeOnly"] = true;
                    AddRule(path, FieldErrorCodes.MyNumberCheckDigit, "個人番号の検査用数字（12桁目）が正しいこと", "The My Number check digit (the 12th digit) must be valid");
                    break;
                case FieldType.File:
                    schema["type"] = "string";
                    schema["description"] = $"アップロードのID（{string.Join("、", field.Accept.Select(FieldValidator.FileTypeName))}、{field.MaxSizeKb ?? FieldValidator.DefaultFileMaxKb}KBまで）";
                    schema["maxLength"] = 200;
                    schema["pattern"] = NotBlank;
                    AddRule(path, FieldErrorCodes.UploadNotFound, "アップロード済みのファイルのIDであること", "Must be the id of a file uploaded by this applicant");
                    AddRule(path, FieldErrorCodes.FileType, $"ファイルの種類（内容で判定）が {string.Join(", ", field.Accept)} のいずれかであること", $"The file's type (by content) must be one of {string.Join(", ", field.Accept)}");
                    AddRule(path, FieldErrorCodes.FileTooLarge, $"ファイルが空でなく {field.MaxSizeKb ?? FieldValidator.DefaultFileMaxKb}KB 以下であること", $"The file must not be empty and at most {field.MaxSizeKb ?? FieldValidator.DefaultFileMaxKb} KB");
                    break;
                case FieldType.Group when group is null:
                    schema["type"] = "array";
                    schema["minItems"] = Math.Max(field.MinItems, field.Required ? 1 : 0);
                    schema["maxItems"] = field.MaxItems;
                    schema["items"] = Item(field, path);
                    break;
                default:
                    break;
            }

            return schema;
        }

        private JsonObject Item(FormField group, string path)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            var allOf = new JsonArray();
            foreach (var child in group.Fields)
            {
                if (properties.ContainsKey(child.Id))
                {
                    continue;
                }

                var childPath = $"{path}[].{child.Id}";
                properties[child.Id] = Field(child, childPath, group);
                if (child.Required)
                {
                    Require(child, childPath, child.ShowIf is null ? JsonValue.Create(true) : Exact(child.ShowIf, group), properties, required, allOf);
                }
            }

            var item = new JsonObject
            {
                ["title"] = (group.ItemLabel ?? group.Label).Ja,
                ["type"] = "object",
                ["properties"] = properties,
                ["additionalProperties"] = false,
            };
            if (required.Count > 0)
            {
                item["required"] = required;
            }

            if (allOf.Count > 0)
            {
                item["allOf"] = allOf;
            }

            return item;
        }

        private static JsonArray Options(FormField field) =>
            [.. field.Options.Select(o => (JsonNode)new JsonObject { ["const"] = o.Value, ["title"] = o.Label.Ja })];

        private static JsonObject NamePart(string title) => Line(title, FieldValidator.NamePartMax);

        private static JsonObject KanaPart(string title) => new()
        {
            ["title"] = title,
            ["type"] = "string",
            ["maxLength"] = FieldValidator.NamePartMax,
            ["pattern"] = AnswerText.KatakanaPattern,
        };

        private static JsonObject Line(string title, int max) => new()
        {
            ["title"] = title,
            ["type"] = "string",
            ["maxLength"] = max,
            ["pattern"] = NotBlankLine,
        };

        private static JsonObject AllOrNothing(params string[] keys)
        {
            var result = new JsonObject();
            foreach (var key in keys)
            {
                result[key] = new JsonArray([.. keys.Where(k => k != key).Select(k => (JsonNode)JsonValue.Create(k))]);
            }

            return result;
        }

        /// <summary>
        /// What "answered" adds for a schema-valid value of this field (the server's IsEmpty, negated):
        /// nothing where the field's own schema already rules out an empty value (options, digits, format).
        /// </summary>
        private static JsonObject NonEmpty(FormField field) => field.Type switch
        {
            FieldType.Text or FieldType.LongText or FieldType.File => new JsonObject { ["pattern"] = NotBlank },
            FieldType.MultiChoice or FieldType.Group => new JsonObject { ["minItems"] = 1 },
            FieldType.JapaneseName => new JsonObject { ["required"] = new JsonArray("family", "given", "familyKana", "givenKana") },
            FieldType.Address => new JsonObject { ["required"] = new JsonArray("postalCode", "address") },
            FieldType.Consent => new JsonObject { ["const"] = true },
            _ => [],
        };

        private static void MergeInto(JsonObject property, JsonObject constraint)
        {
            foreach (var (key, value) in constraint)
            {
                if (key == "pattern" && property.ContainsKey("pattern"))
                {
                    if (property["allOf"] is not JsonArray allOf)
                    {
                        property["allOf"] = allOf = [];
                    }

                    allOf.Add(new JsonObject { ["pattern"] = value!.DeepClone() });
                }
                else if (key == "minItems" && property["minItems"] is JsonValue existing)
                {
                    property["minItems"] = Math.Max(existing.GetValue<int>(), value!.GetValue<int>());
                }
                else
                {
                    property[key] = value?.DeepClone();
                }
            }
        }

        /// <summary>The schema of "this top-level field is shown" (its step's and its own condition), or null when not expressible.</summary>
        private JsonNode? VisibleTop(FormField field)
        {
            if (!visiting.Add(field))
            {
                return null;
            }

            try
            {
                var parts = new List<JsonNode>();
                if (top.TryGetValue(field.Id, out var entry) && entry.Step.ShowIf is { } stepCondition)
                {
                    if (Exact(stepCondition, null) is not { } s)
                    {
                        return null;
                    }

                    parts.Add(s);
                }

                if (field.ShowIf is { } condition)
                {
                    if (Exact(condition, null) is not { } c)
                    {
                        return null;
                    }

                    parts.Add(c);
                }

                return AllOf(parts);
            }
            finally
            {
                visiting.Remove(field);
            }
        }

        private JsonNode? VisibleChild(FormField group, FormField child)
        {
            if (child.ShowIf is null)
            {
                return JsonValue.Create(true);
            }

            if (!visiting.Add(child))
            {
                return null;
            }

            try
            {
                return Exact(child.ShowIf, group);
            }
            finally
            {
                visiting.Remove(child);
            }
        }

        private static JsonNode AllOf(List<JsonNode> parts)
        {
            var real = parts.Where(p => !(p is JsonValue v && v.GetValueKind() == JsonValueKind.True)).ToList();
            return real.Count switch
            {
                0 => JsonValue.Create(true),
                1 => real[0],
                _ => new JsonObject { ["allOf"] = new JsonArray([.. real]) },
            };
        }

        /// <summary>
        /// A schema that holds exactly when the server's condition holds, for schema-valid answers; null
        /// when that cannot be said (a group condition on a top-level field, cycles).
        /// </summary>
        private JsonNode? Exact(Condition condition, FormField? group)
        {
            var parts = new List<JsonNode>();
            if (condition.Field is { } id)
            {
                var comparisons = (condition.EqualTo is not null ? 1 : 0) + (condition.In is not null ? 1 : 0) + (condition.Contains is not null ? 1 : 0) + (condition.IsAnswered is not null ? 1 : 0);
                if (comparisons > 1 || condition.In?.Any(o => o is null) == true)
                {
                    return null; // Refused by the checker; left to the server.
                }

                FormField? field;
                JsonNode? visible;
                if (group is not null)
                {
                    field = group.Fields.FirstOrDefault(f => f.Id == id);
                    if (field is null)
                    {
                        return null; // A top-level field seen from a group item: JSON Schema cannot look outside the item.
                    }

                    visible = VisibleChild(group, field);
                }
                else
                {
                    if (!top.TryGetValue(id, out var entry))
                    {
                        return JsonValue.Create(Conditions.Evaluate(condition with { All = null, Any = null, Not = null }, _ => (null, null)));
                    }

                    field = entry.Field;
                    visible = VisibleTop(field);
                }

                if (visible is null)
                {
                    return null;
                }

                JsonObject Has(JsonNode constraint) => new()
                {
                    ["required"] = new JsonArray(id),
                    ["properties"] = new JsonObject { [id] = constraint },
                };
                JsonNode Equal(JsonNode? value) => Has(new JsonObject { ["const"] = value?.DeepClone() });

                // The server compares the value only when the field is shown; otherwise it sees "no answer".
                JsonNode comparison;
                bool trueWhenUnanswered;
                if (condition.EqualTo is { } equalTo)
                {
                    comparison = Equal(equalTo);
                    trueWhenUnanswered = false;
                }
                else if (condition.In is { } options)
                {
                    comparison = new JsonObject { ["anyOf"] = new JsonArray([.. options.Where(o => o is not null).Select(Equal)]) };
                    trueWhenUnanswered = false;
                    if (options.Count == 0)
                    {
                        comparison = JsonValue.Create(false);
                    }
                }
                else if (condition.Contains is { } contained)
                {
                    comparison = field.Type == FieldType.MultiChoice
                        ? Has(new JsonObject { ["contains"] = new JsonObject { ["const"] = contained } })
                        : Equal(JsonValue.Create(contained));
                    trueWhenUnanswered = false;
                }
                else if (condition.IsAnswered is false)
                {
                    comparison = new JsonObject { ["not"] = Has(NonEmpty(field)) };
                    trueWhenUnanswered = true;
                }
                else
                {
                    comparison = Has(NonEmpty(field));
                    trueWhenUnanswered = false;
                }

                parts.Add(visible is JsonValue t && t.GetValueKind() == JsonValueKind.True
                    ? comparison
                    : trueWhenUnanswered
                        ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["not"] = visible.DeepClone() }, comparison) }
                        : AllOf([visible.DeepClone(), comparison]));
            }

            if (condition.All is { } all)
            {
                foreach (var c in all)
                {
                    if (Exact(c, group) is not { } s)
                    {
                        return null;
                    }

                    parts.Add(s);
                }
            }

            if (condition.Any is { } any)
            {
                var alternatives = new JsonArray();
                foreach (var c in any)
                {
                    if (Exact(c, group) is not { } s)
                    {
                        return null;
                    }

                    alternatives.Add(s);
                }

                parts.Add(alternatives.Count == 0 ? JsonValue.Create(false) : new JsonObject { ["anyOf"] = alternatives });
            }

            if (condition.Not is { } not)
            {
                if (Exact(not, group) is not { } s)
                {
                    return null;
                }

                parts.Add(new JsonObject { ["not"] = s });
            }

            return AllOf(parts);
        }
    }
}
