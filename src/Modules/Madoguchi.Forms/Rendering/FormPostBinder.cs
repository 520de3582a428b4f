using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Microsoft.AspNetCore.Http;

namespace Madoguchi.Forms.Rendering;

/// <summary>Where the binder puts a citizen's file (the upload store, for the draft being filled).</summary>
public interface IUploadSink
{
    Task<UploadResult> SaveAsync(FormField field, IFormFile file, CancellationToken cancellationToken);
}

public sealed record UploadResult(string? UploadId, FieldError? Error)
{
    public static UploadResult Saved(string uploadId) => new(uploadId, null);

    public static UploadResult Failed(FieldError error) => new(null, error);
}

/// <summary>
/// Reads a posted page back into the answers: a copy of the answers with the page's fields replaced
/// by what was typed. Text that is not (yet) a valid value is kept as typed, so it is shown again and
/// validation explains it; an empty file input keeps the file already attached.
/// </summary>
public static class FormPostBinder
{
    public const int MaxItemsPosted = 100;

    public static async Task<(JsonObject Answers, IReadOnlyList<FieldError> Errors)> BindAsync(
        FormDefinition definition, FormStep step, IFormCollection form, JsonObject answers, IUploadSink uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        var result = (JsonObject)answers.DeepClone();
        var errors = new List<FieldError>();
        var rendered = FormRendering.FieldsToRender(definition, step, answers, [], english: false);
        foreach (var view in rendered)
        {
            var value = await BindFieldAsync(view.Field, view.Path, form, answers[view.Field.Id], uploads, errors, cancellationToken);
            Set(result, view.Field.Id, value);
        }

        return (result, errors);
    }

    private static async Task<JsonNode?> BindFieldAsync(FormField field, string path, IFormCollection form, JsonNode? previous, IUploadSink uploads, List<FieldError> errors, CancellationToken cancellationToken)
    {
        string? One(string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        JsonNode? Text(string name) => One(name) is { Length: > 0 } s ? JsonValue.Create(s) : null;

        switch (field.Type)
        {
            case FieldType.Number:
                var number = One(path)?.Trim() ?? "";
                return number.Length == 0 ? null : AnswerText.TryGetNumber(JsonValue.Create(number), out var n) ? AnswerText.NumberNode(n) : JsonValue.Create(number);
            case FieldType.MultiChoice:
                var chosen = form.TryGetValue(path, out var values) ? values.Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray() : [];
                return chosen.Length == 0 ? null : new JsonArray(chosen);
            case FieldType.Consent:
                return One(path) is "true" or "on" ? JsonValue.Create(true) : null;
            case FieldType.Date:
                return DateBinding.Compose(One(path + ".era"), One(path + ".year"), One(path + ".month"), One(path + ".day"), field.DateStyle) is { } date ? JsonValue.Create(date) : null;
            case FieldType.JapaneseName:
                return Object(("family", Text(path + ".family")), ("given", Text(path + ".given")), ("familyKana", Text(path + ".familyKana")), ("givenKana", Text(path + ".givenKana")));
            case FieldType.Address:
                return Object(("postalCode", Text(path + ".postalCode")), ("address", Text(path + ".address")), ("building", Text(path + ".building")));
            case FieldType.MyNumber:
                // Shown masked once entered: an empty box keeps the number already given.
                return One(path) is { Length: > 0 } typed ? JsonValue.Create(typed) : previous?.DeepClone();
            case FieldType.File:
                var file = form.Files.GetFile(path);
                if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
                {
                    return One(path + ".remove") == "true" ? null : previous?.DeepClone();
                }

                var saved = await uploads.SaveAsync(field, file, cancellationToken);
                if (saved.Error is { } error)
                {
                    errors.Add(error with { Path = path });
                    return previous?.DeepClone();
                }

                return JsonValue.Create(saved.UploadId);
            case FieldType.Group:
                var count = int.TryParse(One(path + ".count"), out var c) ? Math.Clamp(c, 0, Math.Min(field.MaxItems, MaxItemsPosted)) : 0;
                var items = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    var previousItem = (previous as JsonArray)?.ElementAtOrDefault(i) as JsonObject;
                    var item = new JsonObject();
                    foreach (var child in field.Fields)
                    {
                        var childValue = await BindFieldAsync(child, $"{path}[{i}].{child.Id}", form, previousItem?[child.Id], uploads, errors, cancellationToken);
                        Set(item, child.Id, childValue);
                    }

                    items.Add(item);
                }

                return items;
            default:
                return Text(path);
        }
    }

    private static JsonObject? Object(params (string Name, JsonNode? Value)[] parts)
    {
        if (parts.All(p => p.Value is null))
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in parts.Where(p => p.Value is not null))
        {
            result[name] = value;
        }

        return result;
    }

    private static void Set(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }
}
