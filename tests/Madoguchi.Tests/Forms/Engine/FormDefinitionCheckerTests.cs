using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Forms.Engine;

public sealed class FormDefinitionCheckerTests
{
    [Fact]
    public void RichTestForm_HasNoProblems() =>
        Assert.Empty(FormDefinitionChecker.Check(TestForms.Rich));

    [Fact]
    public void BrokenDefinition_ListsEachProblemWithItsPath()
    {
        var definition = FormDefinition.Parse("""
        {
          "steps": [
            { "id": "Step One", "title": { "ja": "一" }, "fields": [
              { "id": "a", "type": "choice", "label": { "ja": "A" } },
              { "id": "a", "type": "text", "label": { "ja": "A2" }, "pattern": "[a-" },
              { "id": "n", "type": "number", "label": { "ja": "N" }, "min": 5, "max": 1 },
              { "id": "g", "type": "group", "label": { "ja": "G" }, "fields": [
                { "id": "inner", "type": "group", "label": { "ja": "入れ子" }, "fields": [ { "id": "x", "type": "text", "label": { "ja": "X" } } ] },
                { "id": "y", "type": "text", "label": { "ja": "Y" }, "showIf": { "field": "nope", "equalTo": "1" } } ] },
              { "id": "empty", "type": "group", "label": { "ja": "空" } }
            ] },
            { "id": "two", "title": { "ja": "二" }, "showIf": { "field": "later", "equalTo": "x" }, "fields": [
              { "id": "later", "type": "text", "label": { "ja": "後" }, "showIf": { "field": "ghost", "isAnswered": true } } ] },
            { "id": "two", "title": { "ja": "二" }, "fields": [ { "id": "z", "type": "text", "label": { "ja": "Z" } } ] }
          ],
          "computed": [ { "id": "fee", "label": { "ja": "手数料" }, "expression": { "multiply": [ { "field": "a" }, { "count": "z" } ] } } ],
          "rules": [ { "id": "r", "field": "missing", "require": { "field": "n", "isAnswered": true }, "message": { "ja": "R" } } ]
        }
        """);
        var problems = FormDefinitionChecker.Check(definition);
        var paths = problems.Select(p => p.Path).ToList();
        Assert.Contains("steps[0].id", paths);                       // not URL-safe
        Assert.Contains("steps[2].id", paths);                       // duplicate step id
        Assert.Contains("steps[0].fields[0].options", paths);        // choice without options
        Assert.Contains("steps[0].fields[1].id", paths);             // duplicate field id
        Assert.Contains("steps[0].fields[1].pattern", paths);        // does not compile
        Assert.Contains("steps[0].fields[2].min", paths);            // min > max
        Assert.Contains("steps[0].fields[3].fields[0]", paths);      // nested group
        Assert.Contains("steps[0].fields[3].fields[1].showIf", paths); // unknown field in a group condition
        Assert.Contains("steps[0].fields[4].fields", paths);         // group without fields
        Assert.Contains("steps[1].showIf", paths);                   // step depends on its own field
        Assert.Contains("steps[1].fields[0].showIf", paths);         // unknown field
        Assert.Contains("computed[0].expression.multiply[0]", paths); // field is not a number
        Assert.Contains("computed[0].expression.multiply[1]", paths); // count of a text field
        Assert.Contains("rules[0].field", paths);
        Assert.All(problems, p => Assert.Contains(" / ", p.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void SumOverEach_ResolvesItemFields()
    {
        var definition = FormDefinition.Parse("""
        {
          "steps": [ { "id": "items", "title": { "ja": "品目" }, "fields": [
            { "id": "items", "type": "group", "label": { "ja": "品目" }, "fields": [ { "id": "count", "type": "number", "label": { "ja": "点数" } } ] } ] } ],
          "computed": [
            { "id": "fee", "label": { "ja": "手数料" }, "expression": { "sumOver": "items", "each": { "multiply": [ { "field": "count" }, { "value": 400 } ] } } },
            { "id": "bad", "label": { "ja": "誤り" }, "expression": { "sumOver": "count", "each": { "field": "nothing" } } } ]
        }
        """);
        var problems = FormDefinitionChecker.Check(definition);
        Assert.Equal(["computed[1].expression"], problems.Select(p => p.Path).Distinct());
    }
}
