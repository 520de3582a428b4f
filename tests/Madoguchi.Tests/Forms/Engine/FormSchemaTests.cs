using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Schema;

namespace Madoguchi.Tests.Forms.Engine;

/// <summary>
/// The schema and the server agree: answers generated from the schema by an independent tool
/// (json-schema-faker, run by node) and accepted by an independent validator (JsonSchema.Net) are
/// accepted by <see cref="FormEngine.Validate"/> except for errors the schema lists in x-server-rules;
/// answers that break the schema are refused with field errors.
/// </summary>
public sealed partial class FormSchemaTests
{
    private static readonly FormDefinition Form = TestForms.Rich;

    private static JsonObject Schema() => FormSchema.Generate(Form, "https://madoguchi.example/api/v1/procedures/test/schema", "テスト申請");

    private static readonly EvaluationOptions Strict = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    // JsonSchema.Net registers a schema by its $id once per process: build it once.
    private static readonly Lazy<JsonSchema> Compiled = new(() => JsonSchema.FromText(Schema().ToJsonString()));

    private static EvaluationResults Evaluate(JsonObject schema, JsonNode answers)
    {
        Assert.Equal(Schema().ToJsonString(), schema.ToJsonString());
        var compiled = Compiled.Value;
        using var document = JsonDocument.Parse(answers.ToJsonString());
        return compiled.Evaluate(document.RootElement, Strict);
    }

    [Fact]
    public void Schema_IsDraft2020_12_WithTitledEnumsPatternsAndServerRules()
    {
        var schema = Schema();
        Assert.Equal(FormSchema.Dialect, (string?)schema["$schema"]);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(["name", "dateOfBirth", "phone", "address", "kind", "copies", "idDocument", "agree"], schema["required"]!.AsArray().Select(n => (string?)n));
        var kind = schema["properties"]!["kind"]!;
        Assert.Equal("本人", (string?)kind["oneOf"]![0]!["title"]);
        Assert.Equal("self", (string?)kind["oneOf"]![0]!["const"]);
        Assert.Equal("date", (string?)schema["properties"]!["dateOfBirth"]!["format"]);
        Assert.Equal("integer", (string?)schema["properties"]!["copies"]!["type"]);
        Assert.Equal(3, (int)schema["properties"]!["members"]!["maxItems"]!);

        var rules = schema["x-server-rules"]!.AsArray().Select(r => $"{r!["field"]} {r["rule"]}").ToList();
        Assert.Contains("dateOfBirth notFuture", rules);
        Assert.Contains("members[].birthDate notFuture", rules);
        Assert.Contains("deliveryDate notPast", rules);
        Assert.Contains("myNumber myNumberCheckDigit", rules);
        Assert.Contains("idDocument fileExists", rules);
        Assert.Contains("idDocument fileType", rules);
        Assert.Contains("idDocument fileSize", rules);
        Assert.Contains("deliveryPostalCode rule:delivery-needs-postcode", rules);
        Assert.Contains("name.family emoji", rules);
        Assert.All(schema["x-server-rules"]!.AsArray(), r => Assert.False(string.IsNullOrEmpty((string?)r!["message"])));

        // Conditional "required" as if/then where the condition can be said in JSON Schema.
        Assert.Contains(schema["allOf"]!.AsArray(), c => c!["then"]?["required"]?[0]?.GetValue<string>() == "purposeOther");
        Assert.Contains(schema["allOf"]!.AsArray(), c => c!["then"]?["required"]?[0]?.GetValue<string>() == "myNumber");
        Assert.Contains(schema["allOf"]!.AsArray(), c => c!["then"]?["required"]?[0]?.GetValue<string>() == "members");
        Assert.Contains(schema["allOf"]!.AsArray(), c => c!["then"]?["required"]?[0]?.GetValue<string>() == "proxyLetter");
        Assert.Empty(FormDefinitionChecker.Check(Form));
    }

    [Fact]
    public void ConditionalRequired_ThatTheSchemaCannotSay_IsAServerRule()
    {
        var definition = FormDefinition.Parse("""
        { "steps": [ { "id": "a", "title": { "ja": "A" }, "fields": [
          { "id": "kind", "type": "choice", "label": { "ja": "種類" }, "options": [ { "value": "x", "label": { "ja": "X" } } ] },
          { "id": "items", "type": "group", "label": { "ja": "品目" }, "fields": [
            { "id": "note", "type": "text", "label": { "ja": "備考" }, "required": true, "showIf": { "field": "kind", "equalTo": "x" } } ] } ] } ] }
        """);
        var rules = FormSchema.Generate(definition, "id", "t")["x-server-rules"]!.AsArray();
        Assert.Contains(rules, r => (string?)r!["field"] == "items[].note" && (string?)r["rule"] == FieldErrorCodes.Required);
    }

    [Fact]
    public void AnswersGeneratedFromTheSchema_AreAcceptedByTheServer_ExceptForItsServerRules()
    {
        var schema = Schema();
        var covered = schema["x-server-rules"]!.AsArray().Select(r => ((string)r!["field"]!, (string)r["rule"]!)).ToHashSet();
        var context = new FormContext(TestForms.Today); // no uploads: every file answer breaks only the file rules
        var answers = GenerateAnswers(schema, count: 600, seed: 20261125);

        // json-schema-faker ignores if/then, so answers needing the conditional fields are rare: also
        // generate from narrowed copies (the schema plus "kind is X" and its conditional fields present).
        // Every answer is still checked against the full schema below.
        foreach (var (kind, needs) in new[] { ("household", new[] { "members" }), ("proxy", new[] { "proxyRelation", "members", "proxyLetter" }) })
        {
            var narrowed = schema.DeepClone().AsObject();
            narrowed["properties"]!["kind"] = new JsonObject { ["const"] = kind };
            foreach (var field in needs)
            {
                narrowed["required"]!.AsArray().Add(field);
            }

            answers.AddRange(GenerateAnswers(narrowed, count: 200, seed: 7));
        }

        var valid = 0;
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var answer in answers)
        {
            if (!Evaluate(schema, answer).IsValid)
            {
                continue;
            }

            valid++;
            kinds[(string?)answer["kind"] ?? ""] = kinds.GetValueOrDefault((string?)answer["kind"] ?? "") + 1;
            var result = FormEngine.Validate(Form, answer.AsObject(), context);
            foreach (var error in result.Errors)
            {
                var path = ItemIndex().Replace(error.Path, "[]");
                if (!covered.Contains((path, error.Code)) && !covered.Contains(("*", error.Code)))
                {
                    failures.Add($"{error.Path} {error.Code} {error.MessageEn}\n  in {answer.ToJsonString()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));

        // The test proves something only when the tool produced enough schema-valid, varied answers.
        Assert.True(valid >= 40, $"only {valid} of {answers.Count} generated answers were schema-valid");
        var byKind = string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}"));
        Assert.True(kinds.ContainsKey("household") && kinds.ContainsKey("proxy"), $"every kind of applicant should appear among the valid answers ({byKind})");
    }

    public static TheoryData<string, string> Violations() => new()
    {
        { "name", "\"武蔵野 太郎\"" },
        { "name", """{ "family": "武蔵野", "given": "太郎", "familyKana": "Musashino", "givenKana": "タロウ" }""" },
        { "name", """{ "family": "武蔵野", "given": "太郎", "familyKana": "ムサシノ", "givenKana": "タロウ", "middle": "X" }""" },
        { "dateOfBirth", "\"1 April 1990\"" },
        { "dateOfBirth", "19900401" },
        { "phone", "\"12345\"" },
        { "email", "\"taro@\"" },
        { "address", "\"東京都武蔵野市\"" },
        { "address", """{ "postalCode": "18-0001", "address": "東京都武蔵野市" }""" },
        { "address", """{ "address": "東京都武蔵野市" }""" },
        { "kind", "\"boss\"" },
        { "copies", "0" },
        { "copies", "1.5" },
        { "copies", "\"abc\"" },
        { "note", "\"" + new string('あ', 101) + "\"" },
        { "weight", "100.5" },
        { "weight", "1.25" },
        { "includes", "[\"history\", \"shoes\"]" },
        { "includes", "\"history, relationship\"" },
        { "deliveryPostalCode", "\"180-00011\"" },
        { "reference", "\"ab1234\"" },
        { "agree", "false" },
        { "agree", "\"yes please\"" },
        { "idDocument", "42" },
        { "unknownQuestion", "\"x\"" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void AnswersThatBreakTheSchema_AreRefusedWithFieldErrors(string field, string json)
    {
        var schema = Schema();
        var answers = SchemaValidBase();
        Assert.True(Evaluate(schema, answers).IsValid, "the base answers must be schema-valid");
        Assert.True(FormEngine.Validate(Form, answers, TestForms.Context).IsValid, "the base answers must be valid on the server");

        answers[field] = JsonNode.Parse(json);
        Assert.False(Evaluate(schema, answers).IsValid);
        var result = FormEngine.Validate(Form, answers, TestForms.Context);
        Assert.Contains(result.Errors, e => e.Path == field || e.Path.StartsWith(field + ".", StringComparison.Ordinal) || e.Path.StartsWith(field + "[", StringComparison.Ordinal));
    }

    [Fact]
    public void AGroupItemThatBreaksTheSchema_IsRefusedAtItsPath()
    {
        var schema = Schema();
        var answers = SchemaValidBase();
        answers["kind"] = "household";
        answers["members"] = JsonNode.Parse("""[ { "name": { "family": "武蔵野", "given": "花子", "familyKana": "ムサシノ", "givenKana": "はなこ🌸" }, "relation": "spouse" } ]""");
        Assert.False(Evaluate(schema, answers).IsValid);
        Assert.Contains(FormEngine.Validate(Form, answers, TestForms.Context).Errors, e => e.Path == "members[0].name.givenKana");

        answers["members"] = JsonNode.Parse("""[ { "name": { "family": "武蔵野", "given": "花子", "familyKana": "ムサシノ", "givenKana": "ハナコ" }, "relation": "other" } ]""");
        Assert.False(Evaluate(schema, answers).IsValid);
        Assert.Contains(FormEngine.Validate(Form, answers, TestForms.Context).Errors, e => e.Path == "members[0].relationOther");
    }

    private static JsonObject SchemaValidBase()
    {
        var answers = TestForms.ValidAnswers();
        answers["address"]!.AsObject().Remove("building");
        return answers;
    }

    /// <summary>Runs json-schema-faker (tests/tools, installed by <c>npm ci</c>) on the schema.</summary>
    private static List<JsonNode> GenerateAnswers(JsonObject schema, int count, int seed)
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "tools");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "json-schema-faker")))
        {
            Run("npm", $"ci --no-audit --no-fund --prefix \"{tools}\"", tools);
        }

        var schemaFile = Path.Combine(Path.GetTempPath(), $"madoguchi-schema-{Guid.NewGuid():N}.json");
        File.WriteAllText(schemaFile, schema.ToJsonString());
        try
        {
            var output = Run("node", $"\"{Path.Combine(tools, "generate-answers.cjs")}\" \"{schemaFile}\" {count} {seed}", tools);
            return [.. JsonNode.Parse(output)!.AsArray().Select(n => n!)];
        }
        finally
        {
            File.Delete(schemaFile);
        }
    }

    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} took over 3 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {stderr.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Madoguchi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Madoguchi.slnx not found above the test directory");
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ItemIndex();
}
