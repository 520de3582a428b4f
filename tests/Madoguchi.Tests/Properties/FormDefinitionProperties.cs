using System.Text.Json.Nodes;
using CsCheck;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Versions;
using Madoguchi.Tests.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>
/// フォーム定義 from untrusted JSON (the staff editor's text box): reading and checking any JSON gives
/// either a definition or a list of problems that say where, and never throws.
/// </summary>
public sealed class FormDefinitionProperties
{
    private static readonly JsonNode Rich = JsonNode.Parse(TestForms.RichJson)!;

    /// <summary>The rich test definition with one to five random changes anywhere in its tree.</summary>
    internal static readonly Gen<string> MutatedDefinitionJson =
        Fuzz.OneMutation.Array[1, 5].Select(m => Fuzz.Mutate(Rich, m).ToJsonString());

    [Fact]
    public void AnyMutationOfAValidDefinition_IsCheckedWithoutThrowing_AndEitherPassesOrSaysWhy()
    {
        MutatedDefinitionJson.Sample(json =>
        {
            var (definition, problems) = FormVersionEditor.Check(json);
            Assert.True(definition is not null ^ problems.Count > 0, json);
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Ja) || string.IsNullOrWhiteSpace(p.En), json));
            if (definition is not null)
            {
                Assert.Empty(FormDefinitionChecker.Check(definition));
            }
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(2), threads: Fuzz.Threads);
    }

    [Fact]
    public void AnyJsonAtAll_IsRefusedWithProblems_NeverAnException()
    {
        Gen.Frequency(
                (3, Fuzz.Json(4).Select(n => n?.ToJsonString() ?? "null")),
                (1, Fuzz.Text),
                (1, Fuzz.Json(3).Select(n => new JsonObject { ["steps"] = n }.ToJsonString())))
            .Sample(json =>
            {
                var (definition, problems) = FormVersionEditor.Check(json);
                Assert.True(definition is not null ^ problems.Count > 0, json);
            }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }
}
