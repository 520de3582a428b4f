using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Json.Schema;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Schema;
using Madoguchi.Forms.Versions;
using Madoguchi.Tests.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>JSON Schema of the answers (published by the API) for any definition the checker accepts: never throws, always valid 2020-12.</summary>
public sealed class FormSchemaProperties
{
    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };

    private static readonly Gen<FormDefinition> ValidDefinitions =
        FormDefinitionProperties.MutatedDefinitionJson.Select(json => FormVersionEditor.Check(json).Definition ?? TestForms.Rich);

    [Fact]
    public void TheSchemaOfAnyValidDefinition_IsValidJsonSchema202012()
    {
        ValidDefinitions.Sample(definition =>
        {
            var schema = FormSchema.Generate(definition, $"https://madoguchi.example/api/v1/procedures/fuzz-{Guid.NewGuid():N}/schema", "試験 \"<>\"");
            Assert.Equal(FormSchema.Dialect, (string?)schema["$schema"]);
            var text = schema.ToJsonString();
            using var document = JsonDocument.Parse(text);
            var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, ListOutput);
            Assert.True(result.IsValid, text + "\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

            // And it can be used: every pattern is a regular expression the validator compiles, answers can be checked.
            var compiled = JsonSchema.FromText(text);
            using var empty = JsonDocument.Parse("{}");
            compiled.Evaluate(empty.RootElement, ListOutput);
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(40), threads: Fuzz.Threads);
    }
}
