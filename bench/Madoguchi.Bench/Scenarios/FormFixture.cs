using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// The demo form the submissions and form-step scenarios use (bench/forms/*.json): the procedure slug,
/// the id of a step page, and valid answers. Update the file when the demo form changes; the harness
/// prints the server's field errors when it answers 422.
/// </summary>
public sealed record FormFixture(string Slug, string StepId, bool Authenticate, JsonObject Answers)
{
    public const string DefaultPath = "bench/forms/juminhyo-copy.json";

    public string SubmissionsPath => $"/api/v1/procedures/{Uri.EscapeDataString(Slug)}/submissions";

    public string StepPath => $"/apply/{Uri.EscapeDataString(Slug)}/{Uri.EscapeDataString(StepId)}";

    /// <summary>The request body <c>{ "answers": { … } }</c> as UTF-8.</summary>
    public byte[] SubmissionBody() =>
        Encoding.UTF8.GetBytes(new JsonObject { ["answers"] = Answers.DeepClone() }.ToJsonString());

    public static FormFixture Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new JsonException($"{path}: expected a JSON object.");
        string Required(string name) => root[name]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new JsonException($"{path}: \"{name}\" is missing.");
        return new FormFixture(Required("slug"), Required("stepId"), root["authenticate"]?.GetValue<bool>() ?? false,
            root["answers"] as JsonObject ?? throw new JsonException($"{path}: \"answers\" must be an object."));
    }
}
