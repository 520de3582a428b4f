using System.Collections.Frozen;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.DemoContent;

/// <summary>
/// デモ用の申請フォーム: a complete, realistic form definition for each of Musashino's demo procedures,
/// keyed by the procedure's slug. The definitions are JSON files embedded in this assembly
/// (DemoContent/Forms/&lt;slug&gt;.json), written in our own words; staff can later edit them as new versions.
/// </summary>
internal static class DemoForms
{
    private const string Prefix = "Madoguchi.Forms.DemoContent.Forms.";

    private static readonly Lazy<FrozenDictionary<string, FormDefinition>> Loaded = new(Load);

    /// <summary>Every demo form, by procedure slug.</summary>
    public static IReadOnlyDictionary<string, FormDefinition> All => Loaded.Value;

    /// <summary>The JSON text of every demo form, by procedure slug, exactly as embedded.</summary>
    public static IReadOnlyDictionary<string, string> Json() =>
        ResourceNames().ToDictionary(n => Slug(n), Read, StringComparer.Ordinal);

    private static FrozenDictionary<string, FormDefinition> Load() =>
        ResourceNames().ToFrozenDictionary(n => Slug(n), n => Parse(n, Read(n)), StringComparer.Ordinal);

    private static IEnumerable<string> ResourceNames() =>
        typeof(DemoForms).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal));

    private static string Slug(string resourceName) => resourceName[Prefix.Length..^".json".Length];

    private static string Read(string resourceName)
    {
        using var stream = typeof(DemoForms).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded demo form {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static FormDefinition Parse(string resourceName, string json)
    {
        try
        {
            return FormDefinition.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidOperationException($"The demo form {resourceName} is not a valid form definition: {e.Message}", e);
        }
    }
}
