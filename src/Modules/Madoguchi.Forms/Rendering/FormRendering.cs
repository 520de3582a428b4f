using System.Text.Json;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Forms.Rendering;

/// <summary>
/// Which fields a page shows. A field whose condition depends on an EARLIER page is shown only when
/// the condition holds; one that depends on a field of the SAME page is always rendered (without
/// JavaScript it says when to answer it; with JavaScript it is revealed as the answer changes) and
/// ignored by validation while hidden.
/// </summary>
public static class FormRendering
{
    public static IReadOnlyList<FieldView> FieldsToRender(FormDefinition definition, FormStep step, JsonObject answers, IReadOnlyList<FieldError> errors, bool english, Func<string, UploadInfo?>? findUpload = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answers);
        errors ??= [];
        var onPage = step.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var views = new List<FieldView>();
        foreach (var field in step.Fields)
        {
            var samePage = field.ShowIf is { } condition && References(condition).Any(onPage.Contains);
            if (!samePage && !FormEngine.IsVisible(definition, field, answers))
            {
                continue;
            }

            views.Add(View(definition, field, field.Id, answers[field.Id], answers, null, errors, english, findUpload) with
            {
                ShowIfJson = samePage ? JsonSerializer.Serialize(field.ShowIf, FormDefinition.Json).Replace("\n", "", StringComparison.Ordinal) : null,
            });
        }

        return views;
    }

    private static FieldView View(FormDefinition definition, FormField field, string path, JsonNode? value, JsonObject answers, FormField? group, IReadOnlyList<FieldError> errors, bool english, Func<string, UploadInfo?>? findUpload)
    {
        var mine = errors.Where(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal) || e.Path.StartsWith(path + "[", StringComparison.Ordinal)).ToList();
        var view = new FieldView(field, path, value, mine, english)
        {
            FileName = field.Type == FieldType.File && FieldView.TextOf(value) is { Length: > 0 } id ? findUpload?.Invoke(id)?.FileName : null,
        };
        if (field.Type != FieldType.Group)
        {
            return view;
        }

        var siblings = field.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var items = new List<IReadOnlyList<FieldView>>();
        var index = 0;
        foreach (var item in value as JsonArray ?? [])
        {
            var itemObject = item as JsonObject ?? [];
            var itemPath = $"{path}[{index}]";
            var children = new List<FieldView>();
            foreach (var child in field.Fields)
            {
                var sibling = child.ShowIf is { } condition && References(condition).Any(siblings.Contains);
                if (!sibling && !FormEngine.IsVisible(definition, child, answers, itemObject))
                {
                    continue;
                }

                children.Add(View(definition, child, $"{itemPath}.{child.Id}", itemObject[child.Id], answers, field, errors, english, findUpload) with
                {
                    ShowIfJson = sibling ? JsonSerializer.Serialize(child.ShowIf, FormDefinition.Json).Replace("\n", "", StringComparison.Ordinal) : null,
                    ScopePrefix = itemPath + ".",
                });
            }

            items.Add(children);
            index++;
        }

        return view with { Items = items };
    }

    /// <summary>Every field id a condition mentions.</summary>
    public static IEnumerable<string> References(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Field is { } id)
        {
            yield return id;
        }

        foreach (var inner in (condition.All ?? []).Concat(condition.Any ?? []).Concat(condition.Not is null ? [] : [condition.Not]))
        {
            foreach (var reference in References(inner))
            {
                yield return reference;
            }
        }
    }
}
