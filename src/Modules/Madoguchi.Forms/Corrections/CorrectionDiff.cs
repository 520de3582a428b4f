using System.Text.Json.Nodes;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Forms.Corrections;

/// <summary>
/// 補正の差分: which requested answers changed, as display text (field: before → after). 個人番号 is
/// never shown: a changed My Number appears only as masked text.
/// </summary>
public static class CorrectionDiff
{
    public const string MaskedMyNumber = "************";

    public static IReadOnlyList<CorrectionChange> Changes(FormDefinition definition, IReadOnlyCollection<string> fields, JsonObject before, JsonObject after, FormContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeText = Texts(definition, before, context);
        var afterText = Texts(definition, after, context);
        var changes = new List<CorrectionChange>();
        foreach (var field in definition.AllFields().Where(f => fields.Contains(f.Id)))
        {
            if (JsonNode.DeepEquals(before[field.Id], after[field.Id]))
            {
                continue;
            }

            var was = beforeText.GetValueOrDefault(field.Id, "");
            var now = afterText.GetValueOrDefault(field.Id, "");
            if (field.Type == FieldType.MyNumber)
            {
                was = was.Length == 0 ? "" : MaskedMyNumber;
                now = now.Length == 0 ? "" : MaskedMyNumber;
            }

            changes.Add(new CorrectionChange(field.Id, field.Label.Ja, field.Label.Get(true), was, now));
        }

        return changes;
    }

    private static Dictionary<string, string> Texts(FormDefinition definition, JsonObject answers, FormContext context)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in FormEngine.Summarize(definition, answers, context).SelectMany(s => s.Rows))
        {
            texts[row.Path] = Flatten(row);
        }

        return texts;
    }

    private static string Flatten(SummaryRow row) =>
        row.Children.Count == 0 ? row.ValueJa : string.Join("; ", row.Children.Select(c => c.Children.Count == 0 ? $"{c.LabelJa}: {c.ValueJa}" : $"{c.LabelJa}: {Flatten(c)}"));
}
