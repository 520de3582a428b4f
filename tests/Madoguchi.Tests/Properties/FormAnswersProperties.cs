using System.Text.Json.Nodes;
using CsCheck;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Versions;
using Madoguchi.Tests.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>
/// 回答 of any JSON shape (the public API and a tampered form post) against a definition: validating,
/// cleaning, computing the fee and summarising never throw, and invalid answers get field errors.
/// </summary>
public sealed class FormAnswersProperties
{
    private static readonly JsonNode ValidAnswers = TestForms.ValidAnswers();

    /// <summary>The rich definition, or a random change of it that still passes the checker.</summary>
    private static readonly Gen<FormDefinition> Definitions = Gen.Frequency(
        (2, Gen.Const(TestForms.Rich)),
        (1, FormDefinitionProperties.MutatedDefinitionJson.Select(json => FormVersionEditor.Check(json).Definition ?? TestForms.Rich)));

    private static readonly Gen<JsonObject> Answers = Gen.Frequency(
        (3, Fuzz.OneMutation.Array[1, 6].Select(m => Fuzz.Mutate(ValidAnswers, m) as JsonObject ?? [])),
        (1, Fuzz.Json(3).Select(n => n as JsonObject ?? new JsonObject { ["name"] = n })));

    [Fact]
    public void AnyAnswers_AgainstAnyValidDefinition_AreValidatedCleanedComputedAndSummarised_WithoutThrowing()
    {
        Gen.Select(Definitions, Answers).Sample((definition, answers) =>
        {
            var text = answers.ToJsonString();
            var result = FormEngine.Validate(definition, (JsonObject)answers.DeepClone(), TestForms.Context);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.MessageJa) || string.IsNullOrWhiteSpace(e.MessageEn), text));
            foreach (var step in FormEngine.VisibleSteps(definition, answers))
            {
                FormEngine.ValidateStep(definition, step, (JsonObject)answers.DeepClone(), TestForms.Context);
            }

            var cleaned = FormEngine.Clean(definition, (JsonObject)answers.DeepClone());
            FormEngine.Compute(definition, cleaned);
            FormEngine.Compute(definition, (JsonObject)answers.DeepClone());
            FormEngine.Summarize(definition, cleaned, TestForms.Context);
            FormEngine.Summarize(definition, (JsonObject)answers.DeepClone(), TestForms.Context with { ShowFullMyNumber = true });

            // Cleaning keeps only fields of the definition: what was cleaned validates the same way twice.
            Assert.Equal(
                FormEngine.Validate(definition, (JsonObject)cleaned.DeepClone(), TestForms.Context).Errors.Select(e => e.Path + e.Code),
                FormEngine.Validate(definition, (JsonObject)cleaned.DeepClone(), TestForms.Context).Errors.Select(e => e.Path + e.Code));
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(4), threads: Fuzz.Threads);
    }

    [Fact]
    public void TheValidAnswers_AreValid_SoTheMutationsStartFromSomethingAccepted()
    {
        Assert.True(FormEngine.Validate(TestForms.Rich, TestForms.ValidAnswers(), TestForms.Context).IsValid);
    }
}
