using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Versions;

namespace Madoguchi.Tests.Properties;

/// <summary>Inputs the property tests found that crashed the code, kept as plain tests so they stay fixed.</summary>
public sealed class FoundByFuzzingTests
{
    [Theory]
    [InlineData("""{"steps":[{"id":"a","title":{"ja":"A"},"fields":[null]}]}""", "steps[0].fields[0]")]
    [InlineData("""{"steps":[{"id":"a","title":{"ja":"A"},"fields":[{"id":"k","type":"choice","label":{"ja":"種類"},"options":[null]}]}]}""", "steps[0].fields[0].options[0]")]
    [InlineData("""{"steps":[{"id":"a","title":null,"fields":[{"id":"k","type":"text","label":{"ja":"名"}}]}]}""", "steps[0].title")]
    [InlineData("""{"steps":[{"id":"a","title":{"ja":"A"},"fields":[{"id":"k","type":"text","label":{"ja":null}}]}]}""", "steps[0].fields[0].label.ja")]
    [InlineData("""{"steps":[null]}""", "steps[0]")]
    [InlineData("""{"steps":[{"id":"a","title":{"ja":"A"},"fields":[{"id":"f","type":"file","label":{"ja":"書類"},"accept":[null]}]}]}""", "steps[0].fields[0].accept[0]")]
    public void NullsInADefinition_AreProblemsThatSayWhere_NotA500(string json, string path)
    {
        var (definition, problems) = FormVersionEditor.Check(json);
        Assert.Null(definition);
        Assert.Contains(problems, p => p.Ja.StartsWith(path + ":", StringComparison.Ordinal) && p.En.Contains("null", StringComparison.Ordinal));
    }

    [Fact]
    public void ALoneSurrogate_InAKanaAnswer_IsAFieldError_NotACrash()
    {
        // Found by FormAnswersProperties (seed 81JVrXu1Gee6): JSON may carry "\ud800", and NFKC threw on it.
        var definition = FormDefinition.Parse("""
            { "steps": [ { "id": "a", "title": { "ja": "A" }, "fields": [
                { "id": "name", "type": "japaneseName", "label": { "ja": "氏名" }, "required": true } ] } ] }
            """);
        var answers = new JsonObject { ["name"] = new JsonObject { ["family"] = "武蔵野", ["given"] = "太郎", ["familyKana"] = "ムサシノ", ["givenKana"] = "\ud800" } };
        var cleaned = FormEngine.Clean(definition, answers);
        var result = FormEngine.Validate(definition, cleaned, new FormContext(new DateOnly(2026, 12, 7)));
        Assert.Contains(result.Errors, e => e.Path.StartsWith("name", StringComparison.Ordinal));
    }

    [Fact]
    public void ALoneSurrogate_IsAProblem_NotA500()
    {
        var (definition, problems) = FormVersionEditor.Check("\ud800");
        Assert.Null(definition);
        Assert.Contains("読めない文字", Assert.Single(problems).Ja, StringComparison.Ordinal);
    }
}
