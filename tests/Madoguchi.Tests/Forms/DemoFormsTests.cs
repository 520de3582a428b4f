using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Madoguchi.Forms.DemoContent;
using Madoguchi.Forms.Definitions;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Forms;

/// <summary>
/// The demo forms (one per Musashino demo procedure): each parses strictly, is internally consistent
/// (ids, references, options, texts in both languages), and computes the catalog's fee.
/// </summary>
public sealed partial class DemoFormsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Procedures that are only done at the counter and have no online form, and why.</summary>
    private static readonly Dictionary<string, string> CounterOnlyWithoutForm = new(StringComparer.Ordinal)
    {
        // 印鑑登録: the seal itself must be shown and registered in person, so a pre-filled form saves nothing.
        ["seal-registration"] = "the seal must be brought and registered in person",
    };

    /// <summary>For each procedure with a fee: answers for one copy / one item, whose computed fee must equal the catalog's fee.</summary>
    private static readonly Dictionary<string, string> OneCopyAnswers = new(StringComparer.Ordinal)
    {
        ["juminhyo-copy"] = """{ "copies": 1, "delivery": "registered", "payment": "card" }""",
        ["certificate-by-post"] = """{ "kinds": ["juminhyo"], "juminhyoCopies": 1, "payment": "online", "postage": "ordinary" }""",
        ["bulky-waste"] = """{ "items": [ { "itemType": "futon", "count": 1 } ] }""",
        ["dog-registration"] = """{ "tagIssued": "yes" }""",
    };

    private static readonly HashSet<string> KnownPrefills = ["name", "address", "phone", "email", "dateOfBirth"];

    private static readonly Dictionary<string, FieldType> PrefillTypes = new(StringComparer.Ordinal)
    {
        ["name"] = FieldType.JapaneseName,
        ["address"] = FieldType.Address,
        ["phone"] = FieldType.Phone,
        ["email"] = FieldType.Email,
        ["dateOfBirth"] = FieldType.Date,
    };

    private static readonly JsonSerializerOptions Strict = new(FormDefinition.Json) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static readonly HashSet<string> UploadTypes = ["application/pdf", "image/jpeg", "image/png"];

    public static TheoryData<string> Slugs() => [.. DemoForms.All.Keys.Order(StringComparer.Ordinal)];

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex LowerCamel();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [Fact]
    public void AtLeastFifteenForms_AreEmbedded()
    {
        Assert.True(DemoForms.All.Count >= 15, $"only {DemoForms.All.Count} demo forms");
        Assert.Contains("juminhyo-copy", DemoForms.All.Keys);
        Assert.Contains("moving-in-advance", DemoForms.All.Keys);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void File_ParsesWithNoUnknownProperty(string slug)
    {
        // A misspelt property ("showif", "dateRules") would be silently ignored by the normal parser.
        var definition = JsonSerializer.Deserialize<FormDefinition>(DemoForms.Json()[slug], Strict);
        Assert.NotNull(definition);
        Assert.NotEmpty(definition.Steps);

        // And it round-trips through the model without losing anything.
        var again = FormDefinition.Parse(definition.ToJson());
        Assert.Equal(definition.ToJson(), again.ToJson());
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Ids_AreWellFormedAndUnique(string slug)
    {
        var form = DemoForms.All[slug];
        var problems = new List<string>();
        Duplicates(form.Steps.Select(s => s.Id), "step", problems);
        Duplicates(form.AllFields().Select(f => f.Id), "field", problems);
        Duplicates(form.Computed.Select(c => c.Id), "computed value", problems);
        Duplicates(form.Rules.Select(r => r.Id), "rule", problems);
        problems.AddRange(form.Steps.Where(s => !Kebab().IsMatch(s.Id)).Select(s => $"step id {s.Id} is not kebab-case"));
        foreach (var field in form.AllFields())
        {
            if (!LowerCamel().IsMatch(field.Id))
            {
                problems.Add($"field id {field.Id} is not lowerCamelCase");
            }

            if (field.Type == FieldType.Group)
            {
                Duplicates(field.Fields.Select(f => f.Id), $"field in group {field.Id}", problems);
                problems.AddRange(field.Fields.Where(f => !LowerCamel().IsMatch(f.Id)).Select(f => $"field id {field.Id}.{f.Id} is not lowerCamelCase"));
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Fields_AreComplete(string slug)
    {
        var form = DemoForms.All[slug];
        var problems = new List<string>();
        foreach (var step in form.Steps)
        {
            if (step.Fields.Count is < 1 or > 8)
            {
                problems.Add($"step {step.Id} has {step.Fields.Count} fields (one question group: 1 to 8)");
            }

            foreach (var field in step.Fields)
            {
                CheckField(field, field.Id, problems);
                if (field.Type == FieldType.Group)
                {
                    if (field.Fields.Count == 0 || field.ItemLabel is null || field.MaxItems < Math.Max(1, field.MinItems))
                    {
                        problems.Add($"group {field.Id} needs child fields, an item label and MaxItems ≥ MinItems ≥ 0");
                    }

                    foreach (var child in field.Fields)
                    {
                        CheckField(child, $"{field.Id}.{child.Id}", problems);
                        if (child.Type == FieldType.Group)
                        {
                            problems.Add($"{field.Id}.{child.Id}: groups cannot nest");
                        }
                    }
                }
            }
        }

        // The last step is the declaration the citizen must consent to.
        var last = form.Steps[^1];
        if (!last.Fields.Any(f => f.Type == FieldType.Consent && f.Required))
        {
            problems.Add($"the last step {last.Id} has no required consent");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void EveryText_HasJapaneseAndEnglish(string slug)
    {
        var problems = new List<string>();
        foreach (var (path, text) in Texts(DemoForms.All[slug]))
        {
            if (string.IsNullOrWhiteSpace(text.Ja) || !Japanese().IsMatch(text.Ja))
            {
                problems.Add($"{path}: Japanese text missing or not Japanese: '{text.Ja}'");
            }

            if (string.IsNullOrWhiteSpace(text.En) || Japanese().IsMatch(text.En.Replace("ムサシノ タロウ", "", StringComparison.Ordinal)))
            {
                problems.Add($"{path}: English text missing or in Japanese: '{text.En}'");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void EveryConditionExpressionAndRule_ReferencesAFieldAskedBeforeIt(string slug)
    {
        var form = DemoForms.All[slug];
        var problems = new List<string>();
        var asked = new Dictionary<string, FormField>(StringComparer.Ordinal);
        foreach (var step in form.Steps)
        {
            // A step's condition can only depend on earlier pages.
            CheckCondition(step.ShowIf, $"step {step.Id}", asked, null, problems);
            foreach (var field in step.Fields)
            {
                // A field's condition: earlier pages, or earlier on the same page.
                CheckCondition(field.ShowIf, $"field {field.Id}", asked, null, problems);
                if (field.Type == FieldType.Group)
                {
                    var siblings = new Dictionary<string, FormField>(StringComparer.Ordinal);
                    foreach (var child in field.Fields)
                    {
                        CheckCondition(child.ShowIf, $"field {field.Id}.{child.Id}", asked, siblings, problems);
                        siblings[child.Id] = child;
                    }
                }

                asked[field.Id] = field;
            }
        }

        foreach (var computed in form.Computed)
        {
            CheckExpression(computed.Expression, $"computed {computed.Id}", asked, null, problems);
        }

        foreach (var rule in form.Rules)
        {
            if (!asked.ContainsKey(rule.Field))
            {
                problems.Add($"rule {rule.Id} shows its error on unknown field {rule.Field}");
            }

            CheckCondition(rule.When, $"rule {rule.Id} (when)", asked, null, problems);
            CheckCondition(rule.Require, $"rule {rule.Id} (require)", asked, null, problems);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryOnlineProcedure_HasAForm_AndEveryFormIsADemoProcedure_WithTheCatalogFee()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct));
        var procedures = list.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!, StringComparer.Ordinal);

        var online = procedures.Values.Where(p => p.GetProperty("online").GetBoolean()).Select(p => p.GetProperty("slug").GetString()!).ToList();
        Assert.True(online.Count >= 15, $"only {online.Count} online procedures");
        var onlineWithoutForm = online.Where(s => !DemoForms.All.ContainsKey(s)).ToList();
        Assert.True(onlineWithoutForm.Count == 0, "online procedures without a form: " + string.Join(", ", onlineWithoutForm));
        var formsWithoutProcedure = DemoForms.All.Keys.Where(s => !procedures.ContainsKey(s)).ToList();
        Assert.True(formsWithoutProcedure.Count == 0, "forms of no demo procedure: " + string.Join(", ", formsWithoutProcedure));
        var unexplained = procedures.Keys.Where(s => !DemoForms.All.ContainsKey(s) && !CounterOnlyWithoutForm.ContainsKey(s)).ToList();
        Assert.True(unexplained.Count == 0, "procedures with neither a form nor a reason: " + string.Join(", ", unexplained));

        foreach (var (slug, procedure) in procedures.Where(p => DemoForms.All.ContainsKey(p.Key)))
        {
            var fee = DemoForms.All[slug].Computed.Where(c => c.IsFee).ToList();
            if (procedure.GetProperty("fee").ValueKind == JsonValueKind.Null)
            {
                Assert.True(fee.Count == 0, $"{slug} has no fee in the catalog but its form computes one");
                continue;
            }

            // The fee itself (id "fee", else the first fee value); further fee values are charges paid with it (郵送料).
            Assert.True(fee.Count >= 1, $"{slug} has a fee of {procedure.GetProperty("fee")} yen in the catalog but its form computes none");
            Assert.True(OneCopyAnswers.ContainsKey(slug), $"{slug}: add sample answers for one copy to {nameof(OneCopyAnswers)}");
            var answers = JsonNode.Parse(OneCopyAnswers[slug])!.AsObject();
            var main = fee.FirstOrDefault(c => c.Id == "fee") ?? fee[0];
            Assert.Equal(procedure.GetProperty("fee").GetDecimal(), Evaluator.Evaluate(DemoForms.All[slug], main.Expression, answers));
        }
    }

    [Theory]
    [InlineData("juminhyo-copy", """{ "copies": 3 }""", 900)]
    [InlineData("certificate-by-post", """{ "kinds": ["juminhyo", "koseki"], "juminhyoCopies": 2, "kosekiCopies": 1 }""", 1050)]
    // Copies of a kind that was not chosen are hidden and cost nothing.
    [InlineData("certificate-by-post", """{ "kinds": ["tax"], "taxCopies": 1, "josekiCopies": 3 }""", 300)]
    [InlineData("bulky-waste", """{ "items": [ { "itemType": "sofa", "count": 1 }, { "itemType": "chair", "count": 4 }, { "itemType": "desk", "count": 1 }, { "itemType": "bicycle", "count": 2 } ] }""", 2000 + 1600 + 1200 + 1600)]
    [InlineData("bulky-waste", """{ "items": [] }""", 0)]
    [InlineData("dog-registration", """{ "tagIssued": "no" }""", 3550)]
    public void Fee_ForLargerAnswers(string slug, string answers, int expected)
    {
        var fee = DemoForms.All[slug].Computed.Single(c => c.IsFee && c.Id == "fee");
        Assert.Equal(expected, Evaluator.Evaluate(DemoForms.All[slug], fee.Expression, JsonNode.Parse(answers)!.AsObject()));
    }

    [Fact]
    public void NurseryForm_TakesTheEmploymentCertificateAsPdfOrImageUpTo5Mb()
    {
        var certificate = DemoForms.All["nursery-application"].AllFields().Single(f => f.Id == "employmentCertificate");
        Assert.Equal(FieldType.File, certificate.Type);
        Assert.Equal(["application/pdf", "image/jpeg", "image/png"], certificate.Accept);
        Assert.Equal(5120, certificate.MaxSizeKb);
        Assert.NotNull(certificate.ShowIf);
    }

    [Fact]
    public void MovingInForm_HasTheHouseholdMembersGroup_AndWarekiDatesOfBirthNotInTheFuture()
    {
        var form = DemoForms.All["moving-in-advance"];
        var members = form.AllFields().Single(f => f.Id == "members");
        Assert.Equal(FieldType.Group, members.Type);
        Assert.Equal(["name", "relation", "dateOfBirth", "hasMyNumberCard"], members.Fields.Select(f => f.Id));
        var dateOfBirth = form.AllFields().Single(f => f.Id == "dateOfBirth");
        Assert.Equal((DateStyle.Wareki, DateRule.NotFuture, "dateOfBirth"), (dateOfBirth.DateStyle, dateOfBirth.DateRule, dateOfBirth.Prefill));
        Assert.Equal(FieldType.JapaneseName, form.AllFields().Single(f => f.Id == "name").Type);
    }

    private static void Duplicates(IEnumerable<string> ids, string what, List<string> problems) =>
        problems.AddRange(ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{what} id {g.Key} is used {g.Count()} times"));

    private static void CheckField(FormField field, string path, List<string> problems)
    {
        if (field.Type is FieldType.Choice or FieldType.MultiChoice)
        {
            if (field.Options.Count < 2)
            {
                problems.Add($"{path}: a choice needs at least two options");
            }

            Duplicates(field.Options.Select(o => o.Value), $"{path} option", problems);
        }
        else if (field.Options.Count > 0)
        {
            problems.Add($"{path}: options on a {field.Type} field");
        }

        if (field.Type == FieldType.File)
        {
            if (field.Accept.Count == 0 || field.Accept.Any(a => !UploadTypes.Contains(a)) || field.MaxSizeKb is not (> 0 and <= 5120))
            {
                problems.Add($"{path}: a file needs accepted types among PDF, JPEG, PNG and a size limit up to 5120 KiB");
            }
        }

        if (field.Type == FieldType.Number && (field.Min is null || field.Max is null || field.Min > field.Max))
        {
            problems.Add($"{path}: a number needs Min ≤ Max");
        }

        if (field.Pattern is not null)
        {
            _ = new Regex(field.Pattern, RegexOptions.ECMAScript);
            if (field.PatternMessage is null)
            {
                problems.Add($"{path}: a pattern needs a message that says what to type");
            }
        }

        if (field.Prefill is not null && (!KnownPrefills.Contains(field.Prefill) || PrefillTypes[field.Prefill] != field.Type))
        {
            problems.Add($"{path}: prefill '{field.Prefill}' does not fit a {field.Type} field");
        }
    }

    private static FormField? Resolve(string id, Dictionary<string, FormField> asked, Dictionary<string, FormField>? item) =>
        item is not null && item.TryGetValue(id, out var sibling) ? sibling : asked.GetValueOrDefault(id);

    private static void CheckCondition(Condition? condition, string where, Dictionary<string, FormField> asked, Dictionary<string, FormField>? item, List<string> problems)
    {
        if (condition is null)
        {
            return;
        }

        var forms = new object?[] { condition.Field, condition.All, condition.Any, condition.Not }.Count(x => x is not null);
        if (forms != 1)
        {
            problems.Add($"{where}: a condition must be exactly one of field, all, any, not");
            return;
        }

        foreach (var inner in (condition.All ?? []).Concat(condition.Any ?? []).Append(condition.Not))
        {
            CheckCondition(inner, where, asked, item, problems);
        }

        if (condition.Field is null)
        {
            return;
        }

        var tests = new object?[] { condition.EqualTo, condition.In, condition.IsAnswered, condition.Contains }.Count(x => x is not null);
        var field = Resolve(condition.Field, asked, item);
        if (field is null)
        {
            problems.Add($"{where}: refers to {condition.Field}, which is not asked before it");
            return;
        }

        if (tests != 1)
        {
            problems.Add($"{where}: a comparison on {condition.Field} must use exactly one of equalTo, in, isAnswered, contains");
        }

        var values = (condition.In ?? []).Append(condition.EqualTo).Where(v => v is not null).Select(v => v!.ToString());
        if (field.Type == FieldType.Choice)
        {
            problems.AddRange(values.Where(v => field.Options.All(o => o.Value != v)).Select(v => $"{where}: {condition.Field} has no option '{v}'"));
        }

        if (condition.Contains is not null && (field.Type != FieldType.MultiChoice || field.Options.All(o => o.Value != condition.Contains)))
        {
            problems.Add($"{where}: 'contains {condition.Contains}' needs a multiChoice {condition.Field} with that option");
        }
    }

    private static void CheckExpression(Expression? expression, string where, Dictionary<string, FormField> asked, Dictionary<string, FormField>? item, List<string> problems)
    {
        if (expression is null)
        {
            return;
        }

        var forms = new object?[] { expression.Value, expression.Field, expression.Count, expression.Sum, expression.Multiply, expression.If, expression.SumOver }.Count(x => x is not null);
        if (forms != 1 || (expression.If is not null && (expression.Then is null || expression.Else is null)) || (expression.SumOver is not null && expression.Each is null))
        {
            problems.Add($"{where}: an expression must be exactly one of value, field, count, sum, multiply, if/then/else, sumOver/each");
            return;
        }

        if (expression.Field is not null && Resolve(expression.Field, asked, item)?.Type != FieldType.Number)
        {
            problems.Add($"{where}: {expression.Field} is not a number field");
        }

        if (expression.Count is not null && Resolve(expression.Count, asked, item)?.Type is not (FieldType.Group or FieldType.MultiChoice))
        {
            problems.Add($"{where}: count of {expression.Count}, which is not a group or multiChoice");
        }

        foreach (var inner in (expression.Sum ?? []).Concat(expression.Multiply ?? []).Append(expression.Then).Append(expression.Else))
        {
            CheckExpression(inner, where, asked, item, problems);
        }

        CheckCondition(expression.If, where, asked, item, problems);
        if (expression.SumOver is not null)
        {
            var group = asked.GetValueOrDefault(expression.SumOver);
            if (group?.Type != FieldType.Group)
            {
                problems.Add($"{where}: sumOver {expression.SumOver}, which is not a group");
                return;
            }

            CheckExpression(expression.Each, where, asked, group.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal), problems);
        }
    }

    private static IEnumerable<(string Path, LocalizedText Text)> Texts(FormDefinition form)
    {
        foreach (var step in form.Steps)
        {
            yield return ($"{step.Id} title", step.Title);
            if (step.Description is not null)
            {
                yield return ($"{step.Id} description", step.Description);
            }

            foreach (var field in step.Fields.Concat(step.Fields.SelectMany(f => f.Fields)))
            {
                foreach (var text in new[] { field.Label, field.Help, field.PatternMessage, field.Unit, field.ItemLabel }.OfType<LocalizedText>())
                {
                    yield return ($"{step.Id}/{field.Id}", text);
                }

                foreach (var option in field.Options)
                {
                    yield return ($"{step.Id}/{field.Id}/{option.Value}", option.Label);
                    if (option.Help is not null)
                    {
                        yield return ($"{step.Id}/{field.Id}/{option.Value} help", option.Help);
                    }
                }
            }
        }

        foreach (var computed in form.Computed)
        {
            yield return ($"computed {computed.Id}", computed.Label);
            if (computed.Unit is not null)
            {
                yield return ($"computed {computed.Id} unit", computed.Unit);
            }
        }

        foreach (var rule in form.Rules)
        {
            yield return ($"rule {rule.Id}", rule.Message);
        }
    }

    /// <summary>
    /// A small reference reading of conditions and expressions as the model documents them (hidden or
    /// absent numbers count 0; inside a group, ids name the item's fields first), so the demo fees can be
    /// checked independently of the engine.
    /// </summary>
    private static class Evaluator
    {
        public static decimal Evaluate(FormDefinition form, Expression expression, JsonObject answers) => Eval(form, expression, answers, null, null);

        private static decimal Eval(FormDefinition form, Expression e, JsonObject answers, JsonObject? item, FormField? group)
        {
            if (e.Value is { } value)
            {
                return value;
            }

            if (e.Field is not null)
            {
                var (field, node, scope) = Lookup(form, e.Field, answers, item, group);
                return field is not null && Visible(form, field, answers, scope) && node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : 0;
            }

            if (e.Count is not null)
            {
                return Lookup(form, e.Count, answers, item, group).Node is JsonArray array ? array.Count : 0;
            }

            if (e.Sum is not null)
            {
                return e.Sum.Sum(x => Eval(form, x, answers, item, group));
            }

            if (e.Multiply is not null)
            {
                return e.Multiply.Aggregate(1m, (product, x) => product * Eval(form, x, answers, item, group));
            }

            if (e.If is not null)
            {
                return Eval(form, Holds(form, e.If, answers, item, group) ? e.Then! : e.Else!, answers, item, group);
            }

            var groupField = form.AllFields().Single(f => f.Id == e.SumOver);
            return answers[e.SumOver!] is JsonArray items && Visible(form, groupField, answers, null)
                ? items.OfType<JsonObject>().Sum(i => Eval(form, e.Each!, answers, i, groupField))
                : 0;
        }

        private static (FormField? Field, JsonNode? Node, JsonObject? Scope) Lookup(FormDefinition form, string id, JsonObject answers, JsonObject? item, FormField? group)
        {
            if (item is not null && group!.Fields.FirstOrDefault(f => f.Id == id) is { } child)
            {
                return (child, item[id], item);
            }

            return (form.AllFields().FirstOrDefault(f => f.Id == id), answers[id], null);
        }

        private static bool Visible(FormDefinition form, FormField field, JsonObject answers, JsonObject? item)
        {
            var step = form.Steps.FirstOrDefault(s => s.Fields.Contains(field));
            return (step?.ShowIf is null || Holds(form, step.ShowIf, answers, null, null))
                && (field.ShowIf is null || Holds(form, field.ShowIf, answers, item, item is null ? null : form.AllFields().First(g => g.Fields.Contains(field))));
        }

        private static bool Holds(FormDefinition form, Condition c, JsonObject answers, JsonObject? item, FormField? group)
        {
            if (c.All is not null)
            {
                return c.All.All(x => Holds(form, x, answers, item, group));
            }

            if (c.Any is not null)
            {
                return c.Any.Any(x => Holds(form, x, answers, item, group));
            }

            if (c.Not is not null)
            {
                return !Holds(form, c.Not, answers, item, group);
            }

            var node = Lookup(form, c.Field!, answers, item, group).Node;
            var text = node switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v => v.ToJsonString(),
                _ => null,
            };
            return c switch
            {
                { EqualTo: not null } => text == Text(c.EqualTo),
                { In: not null } => c.In.Any(x => Text(x) == text),
                { IsAnswered: { } answered } => answered == (node is JsonArray a ? a.Count > 0 : !string.IsNullOrEmpty(text) || node is JsonObject),
                { Contains: not null } => node is JsonArray values && values.Any(x => x?.GetValue<string>() == c.Contains),
                _ => false,
            };
        }

        private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
    }

    [Fact]
    public void Evaluator_CountsHiddenFieldsAsZero()
    {
        // Guards the reference evaluator itself: copies of a kind not chosen are hidden.
        var form = DemoForms.All["certificate-by-post"];
        var fee = form.Computed.Single(c => c.IsFee && c.Id == "fee").Expression;
        Assert.Equal(0, Evaluator.Evaluate(form, fee, JsonNode.Parse("""{ "kinds": [], "kosekiCopies": 2 }""")!.AsObject()));
        Assert.Equal(900, Evaluator.Evaluate(form, fee, JsonNode.Parse("""{ "kinds": ["koseki"], "kosekiCopies": 2 }""")!.AsObject()));
    }
}
