using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.PostalCodes;

namespace Madoguchi.Forms.Rendering;

/// <summary>
/// The buttons inside a page that are not "continue": add or remove a group item, and fill an
/// address from its postal code. They work without JavaScript (a post that shows the page again).
/// </summary>
public static class FormActions
{
    /// <summary>Applies <c>add:{path}</c>, <c>remove:{path}:{index}</c> or <c>lookup:{path}</c>; null when the action is unknown.</summary>
    public static async Task<JsonObject?> ApplyAsync(FormDefinition definition, FormStep step, string action, JsonObject answers, IPostalCodeDirectory postalCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(postalCodes);
        var parts = (action ?? "").Split(':');
        var result = (JsonObject)answers.DeepClone();
        switch (parts)
        {
            case ["add", var id] when step.Fields.FirstOrDefault(f => f.Id == id && f.Type == FieldType.Group) is { } group:
                if (result[id] is not JsonArray items)
                {
                    items = [];
                    result[id] = items;
                }

                if (items.Count < group.MaxItems)
                {
                    items.Add(new JsonObject());
                }

                return result;
            case ["remove", var id, var indexText] when step.Fields.Any(f => f.Id == id && f.Type == FieldType.Group) && int.TryParse(indexText, out var index):
                if (result[id] is JsonArray list && index >= 0 && index < list.Count)
                {
                    list.RemoveAt(index);
                }

                return result;
            case ["lookup", var path]:
                var target = Locate(result, path);
                if (target is not null && target["postalCode"]?.ToString() is { Length: > 0 } code
                    && await postalCodes.LookupAsync(code, cancellationToken) is { } address)
                {
                    var typed = target["address"]?.ToString() ?? "";
                    // Keep what was typed after the town (番地) when it already starts with the town.
                    target["address"] = typed.StartsWith(address, StringComparison.Ordinal) ? typed : address;
                }

                return result;
            default:
                return null;
        }
    }

    /// <summary>The object at an answer path such as <c>address</c> or <c>members[1].address</c>.</summary>
    private static JsonObject? Locate(JsonObject answers, string path)
    {
        JsonNode? node = answers;
        foreach (var segment in path.Split('.'))
        {
            var open = segment.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                node = (node as JsonObject)?[segment];
                continue;
            }

            node = (node as JsonObject)?[segment[..open]];
            if (!int.TryParse(segment[(open + 1)..^1], out var i) || node is not JsonArray array || i < 0 || i >= array.Count)
            {
                return null;
            }

            node = array[i];
        }

        return node as JsonObject;
    }
}
