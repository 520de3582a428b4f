using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>Display text of answers for the check-your-answers page and the receipt.</summary>
internal static class Summary
{
    public static SummaryRow? Row(FormField field, JsonNode? raw, string path, FormState state, FormContext context, JsonObject? item)
    {
        var value = Normalizer.Normalize(field, raw, state, item);
        if (AnswerText.IsEmpty(value))
        {
            return null;
        }

        if (field.Type == FieldType.Group)
        {
            if (value is not JsonArray items || raw is not JsonArray rawItems)
            {
                return null;
            }

            var children = new List<SummaryRow>();
            var itemLabel = field.ItemLabel ?? field.Label;
            var index = 0;
            for (var i = 0; i < rawItems.Count; i++)
            {
                if (rawItems[i] is not JsonObject rawItem)
                {
                    continue;
                }

                var rows = new List<SummaryRow>();
                foreach (var child in field.Fields)
                {
                    if (state.ChildVisible(field, child, rawItem)
                        && Row(child, rawItem[child.Id], $"{path}[{i}].{child.Id}", state, context, rawItem) is { } row)
                    {
                        rows.Add(row);
                    }
                }

                if (rows.Count > 0)
                {
                    index++;
                    children.Add(new SummaryRow($"{path}[{i}]", $"{itemLabel.Ja} {index}", $"{itemLabel.Get(true)} {index}", "", "", rows));
                }
            }

            _ = items;
            return children.Count == 0 ? null
                : new SummaryRow(path, field.Label.Ja, field.Label.Get(true), $"{children.Count}件", children.Count.ToString(CultureInfo.InvariantCulture), children);
        }

        var (ja, en) = Text(field, value!, context);
        return new SummaryRow(path, field.Label.Ja, field.Label.Get(true), ja, en, []);
    }

    private static (string Ja, string En) Text(FormField field, JsonNode value, FormContext context)
    {
        static string S(JsonNode? n) => AnswerText.Display(n);
        switch (field.Type)
        {
            case FieldType.Number when AnswerText.TryGetNumber(value, out var n):
                var number = n.ToString("#,0.##########", CultureInfo.InvariantCulture);
                return (number + (field.Unit?.Ja ?? ""), field.Unit is null ? number : $"{number} {field.Unit.Get(true)}");
            case FieldType.Date when AnswerText.TryGetDate(value, out var date):
                var gregorianJa = AnswerText.GregorianText(date, english: false);
                var gregorianEn = AnswerText.GregorianText(date, english: true);
                if (field.DateStyle == DateStyle.Wareki && AnswerText.WarekiText(date, english: false) is { } wareki)
                {
                    return ($"{wareki} ({gregorianJa})", $"{gregorianEn} ({AnswerText.WarekiText(date, english: true)})");
                }

                return (gregorianJa, gregorianEn);
            case FieldType.Choice:
                var option = field.Options.FirstOrDefault(o => o.Value == S(value));
                return option is null ? (S(value), S(value)) : (option.Label.Ja, option.Label.Get(true));
            case FieldType.MultiChoice when value is JsonArray array:
                var labels = array.Select(v => field.Options.FirstOrDefault(o => o.Value == S(v))).ToList();
                return (string.Join("、", labels.Zip(array, (o, v) => o?.Label.Ja ?? S(v))),
                    string.Join(", ", labels.Zip(array, (o, v) => o?.Label.Get(true) ?? S(v))));
            case FieldType.JapaneseName when value is JsonObject name:
                var full = string.Join(" ", new[] { S(name["family"]), S(name["given"]) }.Where(s => s.Length > 0));
                var kana = string.Join(" ", new[] { S(name["familyKana"]), S(name["givenKana"]) }.Where(s => s.Length > 0));
                var text = kana.Length > 0 ? $"{full}（{kana}）" : full;
                return (text, text);
            case FieldType.PostalCode:
                return ($"〒{S(value)}", $"〒{S(value)}");
            case FieldType.Address when value is JsonObject address:
                var parts = new List<string>();
                if (address["postalCode"] is { } code)
                {
                    parts.Add($"〒{S(code)}");
                }

                parts.AddRange(new[] { S(address["address"]), S(address["building"]) }.Where(s => s.Length > 0));
                var addressText = string.Join(" ", parts);
                return (addressText, addressText);
            case FieldType.Consent:
                return ("同意します", "I agree");
            case FieldType.MyNumber:
                var digits = S(value);
                var shown = context.ShowFullMyNumber ? digits : MyNumber.Mask(digits);
                return (shown, shown);
            case FieldType.File:
                var upload = context.FindUpload?.Invoke(S(value));
                return upload is null ? ("（ファイルが見つかりません）", "(file not found)") : (upload.FileName, upload.FileName);
            default:
                var plain = S(value);
                return (plain, plain);
        }
    }
}
