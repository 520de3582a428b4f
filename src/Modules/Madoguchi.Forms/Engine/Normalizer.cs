using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>Normalises one answer for keeping; a value that cannot be read is returned unchanged (a copy).</summary>
internal static class Normalizer
{
    public static JsonNode? Normalize(FormField field, JsonNode? value, FormState state, JsonObject? item)
    {
        _ = item;
        if (value is null)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.Choice:
            case FieldType.Email:
            case FieldType.File:
                return Trimmed(value);
            case FieldType.LongText:
                return AnswerText.TryGetString(value, out var text)
                    ? JsonValue.Create(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
                    : value.DeepClone();
            case FieldType.Number:
                return AnswerText.TryGetNumber(value, out var number) ? AnswerText.NumberNode(number) : value.DeepClone();
            case FieldType.Date:
                return AnswerText.TryGetDate(value, out var date) ? JsonValue.Create(AnswerText.IsoDate(date)) : value.DeepClone();
            case FieldType.MultiChoice:
                if (value is JsonArray choices)
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    var result = new JsonArray();
                    foreach (var c in choices)
                    {
                        if (!AnswerText.TryGetString(c, out var s))
                        {
                            return value.DeepClone();
                        }

                        if (!string.IsNullOrWhiteSpace(s) && seen.Add(s.Trim()))
                        {
                            result.Add(s.Trim());
                        }
                    }

                    return result;
                }

                return AnswerText.TryGetString(value, out var single) && !string.IsNullOrWhiteSpace(single) ? new JsonArray(single.Trim()) : value.DeepClone();
            case FieldType.JapaneseName:
                if (value is JsonObject name)
                {
                    var result = new JsonObject();
                    foreach (var part in (string[])["family", "given", "familyKana", "givenKana"])
                    {
                        if (AnswerText.TryGetString(name[part], out var s) && !string.IsNullOrWhiteSpace(s))
                        {
                            result[part] = part.EndsWith("Kana", StringComparison.Ordinal) ? AnswerText.ToKatakana(s) : s.Trim();
                        }
                    }

                    return result;
                }

                return value.DeepClone();
            case FieldType.PostalCode:
                return AnswerText.TryGetString(value, out var postal)
                    ? JsonValue.Create(AnswerText.NormalizePostalCode(postal) ?? postal.Trim())
                    : value.DeepClone();
            case FieldType.Address:
                if (value is JsonObject address)
                {
                    var result = new JsonObject();
                    if (AnswerText.TryGetString(address["postalCode"], out var code) && !string.IsNullOrWhiteSpace(code))
                    {
                        result["postalCode"] = AnswerText.NormalizePostalCode(code) ?? code.Trim();
                    }

                    foreach (var part in (string[])["address", "building"])
                    {
                        if (AnswerText.TryGetString(address[part], out var s) && !string.IsNullOrWhiteSpace(s))
                        {
                            result[part] = s.Trim();
                        }
                    }

                    return result;
                }

                return value.DeepClone();
            case FieldType.Phone:
                return AnswerText.TryGetString(value, out var phone)
                    ? JsonValue.Create(FieldValidator.IsPhone(phone) ? AnswerText.ToAsciiDigits(phone).Trim() : phone.Trim())
                    : value.DeepClone();
            case FieldType.MyNumber:
                return AnswerText.TryGetString(value, out var myNumber) && AnswerText.DigitsOnly(myNumber) is { Length: 12 } digits
                    ? JsonValue.Create(digits)
                    : value.DeepClone();
            case FieldType.Consent:
                return FieldValidator.IsTrue(value) ? JsonValue.Create(true) : null;
            case FieldType.Group:
                if (value is JsonArray items)
                {
                    var result = new JsonArray();
                    foreach (var node in items)
                    {
                        if (node is not JsonObject groupItem)
                        {
                            result.Add(node?.DeepClone());
                            continue;
                        }

                        var cleaned = new JsonObject();
                        foreach (var child in field.Fields)
                        {
                            if (!state.ChildVisible(field, child, groupItem))
                            {
                                continue;
                            }

                            var v = Normalize(child, groupItem[child.Id], state, groupItem);
                            if (!AnswerText.IsEmpty(v))
                            {
                                cleaned[child.Id] = v;
                            }
                        }

                        if (cleaned.Count > 0)
                        {
                            result.Add(cleaned);
                        }
                    }

                    return result;
                }

                return value.DeepClone();
            default:
                return value.DeepClone();
        }
    }

    private static JsonNode Trimmed(JsonNode value) =>
        AnswerText.TryGetString(value, out var s) && value.GetValueKind() == JsonValueKind.String ? JsonValue.Create(s.Trim()) : value.DeepClone();
}
