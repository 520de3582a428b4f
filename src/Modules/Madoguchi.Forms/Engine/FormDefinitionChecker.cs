using System.Text.RegularExpressions;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>One problem in a form definition: where (e.g. <c>steps[1].fields[2].showIf</c>) and what, in Japanese and English.</summary>
public sealed record DefinitionProblem(string Path, string MessageJa, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageJa;

    public override string ToString() => $"{Path}: {MessageJa} / {MessageEn}";
}

/// <summary>
/// Checks a form definition before it is saved or published (staff editing, the demo forms): unique and
/// URL-safe ids, references of conditions, expressions and rules, options, groups, patterns, bounds.
/// </summary>
public static partial class FormDefinitionChecker
{
    /// <summary>Prefill sources a field may name (the citizen profile).</summary>
    public static readonly IReadOnlySet<string> PrefillSources = new HashSet<string>(StringComparer.Ordinal) { "name", "address", "phone", "email", "dateOfBirth" };

    public static IReadOnlyList<DefinitionProblem> Check(FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<DefinitionProblem>();
        void Add(string path, string ja, string en) => problems.Add(new DefinitionProblem(path, ja, en));

        if (definition.Steps is null || definition.Steps.Count == 0)
        {
            Add("steps", "ステップが1つもありません", "The form has no steps");
            return problems;
        }

        // JSON may hold null where the definition needs a value ("fields": [null], "label": null): say where,
        // and stop, rather than fail further down (found by the property tests, tests/Madoguchi.Tests/Properties).
        FindMissingValues(definition, "", Add);
        if (problems.Count > 0)
        {
            return problems;
        }

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        var fieldIds = new Dictionary<string, int>(StringComparer.Ordinal); // id → step index
        var top = new Dictionary<string, FormField>(StringComparer.Ordinal);
        for (var s = 0; s < definition.Steps.Count; s++)
        {
            var step = definition.Steps[s];
            var stepPath = $"steps[{s}]";
            if (string.IsNullOrEmpty(step.Id) || !StepId().IsMatch(step.Id))
            {
                Add($"{stepPath}.id", $"ステップのID「{step.Id}」はURLに使える英小文字・数字・ハイフンにしてください（例：applicant-details）", $"Step id '{step.Id}' must use lowercase letters, digits and hyphens only, e.g. applicant-details");
            }
            else if (!stepIds.Add(step.Id))
            {
                Add($"{stepPath}.id", $"ステップのID「{step.Id}」が重複しています", $"Step id '{step.Id}' is used twice");
            }

            CheckText(step.Title, $"{stepPath}.title", Add);
            if (step.Fields is null || step.Fields.Count == 0)
            {
                Add($"{stepPath}.fields", "質問が1つもないステップがあります", "A step has no questions");
                continue;
            }

            for (var f = 0; f < step.Fields.Count; f++)
            {
                var field = step.Fields[f];
                var path = $"{stepPath}.fields[{f}]";
                if (!FieldId().IsMatch(field.Id ?? ""))
                {
                    Add($"{path}.id", $"項目のID「{field.Id}」は英字で始まる英数字（lowerCamelCase）にしてください（例：dateOfBirth）", $"Field id '{field.Id}' must be lowerCamelCase letters and digits, e.g. dateOfBirth");
                }
                else if (!fieldIds.TryAdd(field.Id!, s))
                {
                    Add($"{path}.id", $"項目のID「{field.Id}」が重複しています", $"Field id '{field.Id}' is used twice");
                }
                else
                {
                    top[field.Id!] = field;
                }

                CheckField(field, path, inGroup: false, Add);
            }
        }

        // References, once every id is known.
        for (var s = 0; s < definition.Steps.Count; s++)
        {
            var step = definition.Steps[s];
            if (step.ShowIf is { } stepCondition)
            {
                CheckCondition(stepCondition, $"steps[{s}].showIf", id => top.ContainsKey(id), Add);
                foreach (var id in ConditionFields(stepCondition).Where(id => fieldIds.TryGetValue(id, out var at) && at >= s))
                {
                    Add($"steps[{s}].showIf", $"ステップの表示条件は前のステップの項目だけを参照できます（「{id}」は同じか後のステップにあります）", $"A step's condition may only use earlier steps' fields ('{id}' is on this or a later step)");
                }
            }

            for (var f = 0; f < (step.Fields?.Count ?? 0); f++)
            {
                var field = step.Fields![f];
                var path = $"steps[{s}].fields[{f}]";
                if (field.ShowIf is { } condition)
                {
                    CheckCondition(condition, $"{path}.showIf", id => top.ContainsKey(id), Add);
                    if (ConditionFields(condition).Contains(field.Id))
                    {
                        Add($"{path}.showIf", "項目の表示条件がその項目自身を参照しています", "A field's condition refers to the field itself");
                    }
                }

                if (field.Type == FieldType.Group)
                {
                    for (var c = 0; c < field.Fields.Count; c++)
                    {
                        var child = field.Fields[c];
                        if (child.ShowIf is { } childCondition)
                        {
                            CheckCondition(childCondition, $"{path}.fields[{c}].showIf", id => top.ContainsKey(id) || field.Fields.Any(x => x.Id == id), Add);
                        }
                    }
                }
            }
        }

        var computedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Computed.Count; i++)
        {
            var computed = definition.Computed[i];
            var path = $"computed[{i}]";
            if (!FieldId().IsMatch(computed.Id ?? "") || !computedIds.Add(computed.Id!) || top.ContainsKey(computed.Id!))
            {
                Add($"{path}.id", $"計算値のID「{computed.Id}」は重複しない英数字（lowerCamelCase）にしてください", $"Computed value id '{computed.Id}' must be unique lowerCamelCase letters and digits");
            }

            CheckText(computed.Label, $"{path}.label", Add);
            if (computed.Expression is null)
            {
                Add($"{path}.expression", "計算式がありません", "The expression is missing");
            }
            else
            {
                CheckExpression(computed.Expression, $"{path}.expression", top, null, 0, Add);
            }
        }

        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            var path = $"rules[{i}]";
            if (string.IsNullOrEmpty(rule.Id) || !ruleIds.Add(rule.Id))
            {
                Add($"{path}.id", $"ルールのID「{rule.Id}」は空でなく、重複しないものにしてください", $"Rule id '{rule.Id}' must be present and unique");
            }

            if (rule.Field is null || !top.ContainsKey(rule.Field))
            {
                Add($"{path}.field", $"ルールのエラーを表示する項目「{rule.Field}」がフォームにありません", $"The rule's field '{rule.Field}' is not in the form");
            }

            if (rule.When is { } when)
            {
                CheckCondition(when, $"{path}.when", top.ContainsKey, Add);
            }

            if (rule.Require is null)
            {
                Add($"{path}.require", "ルールの条件（require）がありません", "The rule has no 'require' condition");
            }
            else
            {
                CheckCondition(rule.Require, $"{path}.require", top.ContainsKey, Add);
            }

            CheckText(rule.Message, $"{path}.message", Add);
        }

        return problems;
    }

    private static void CheckField(FormField field, string path, bool inGroup, Action<string, string, string> add)
    {
        CheckText(field.Label, $"{path}.label", add);
        if (field.MaxLength is <= 0)
        {
            add($"{path}.maxLength", "最大文字数は1以上にしてください", "maxLength must be 1 or more");
        }

        if (field.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(FieldValidator.AnchoredPattern(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                add($"{path}.pattern", $"正規表現が正しくありません：{e.Message}", $"The pattern is not a valid regular expression: {e.Message}");
            }

            if (field.Type is not (FieldType.Text or FieldType.LongText))
            {
                add($"{path}.pattern", "pattern は文字（text/longText）の項目だけで使えます", "pattern is only for text and longText fields");
            }
        }

        if (field.Min is { } min && field.Max is { } max && min > max)
        {
            add($"{path}.min", "最小値が最大値より大きくなっています", "min is greater than max");
        }

        if (field.Decimals is < 0 or > 6)
        {
            add($"{path}.decimals", "小数点以下の桁数は0から6にしてください", "decimals must be between 0 and 6");
        }

        if (field.Type is FieldType.Choice or FieldType.MultiChoice)
        {
            if (field.Options.Count == 0)
            {
                add($"{path}.options", "選択肢がありません", "A choice field needs options");
            }

            foreach (var duplicate in field.Options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key)))
            {
                add($"{path}.options", $"選択肢の値「{duplicate.Key}」が空か重複しています", $"Option value '{duplicate.Key}' is empty or used twice");
            }

            foreach (var option in field.Options)
            {
                CheckText(option.Label, $"{path}.options", add);
            }
        }
        else if (field.Options.Count > 0)
        {
            add($"{path}.options", "選択肢は choice / multiChoice の項目だけで使えます", "options are only for choice and multiChoice fields");
        }

        if (field.Type == FieldType.File)
        {
            if (field.MaxSizeKb is <= 0)
            {
                add($"{path}.maxSizeKb", "ファイルの最大サイズは1KB以上にしてください", "maxSizeKb must be 1 or more");
            }

            foreach (var type in field.Accept.Where(t => !t.Contains('/', StringComparison.Ordinal)))
            {
                add($"{path}.accept", $"「{type}」はメディアタイプ（例：application/pdf）ではありません", $"'{type}' is not a media type such as application/pdf");
            }
        }

        if (field.Prefill is { } prefill && !PrefillSources.Contains(prefill))
        {
            add($"{path}.prefill", $"事前入力の元「{prefill}」は name, address, phone, email, dateOfBirth のいずれかにしてください", $"prefill '{prefill}' must be one of name, address, phone, email, dateOfBirth");
        }

        if (field.Type == FieldType.Group)
        {
            if (inGroup)
            {
                add(path, "繰り返しグループの中にグループは置けません", "A group cannot be nested inside a group");
                return;
            }

            if (field.Fields.Count == 0)
            {
                add($"{path}.fields", "繰り返しグループに項目がありません", "A group needs child fields");
            }

            if (field.MinItems < 0 || field.MaxItems < 1 || field.MinItems > field.MaxItems || field.MaxItems > 100)
            {
                add($"{path}.maxItems", "件数は 0 ≦ minItems ≦ maxItems ≦ 100 かつ maxItems ≧ 1 にしてください", "Item counts must satisfy 0 ≤ minItems ≤ maxItems ≤ 100 and maxItems ≥ 1");
            }

            var childIds = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < field.Fields.Count; c++)
            {
                var child = field.Fields[c];
                var childPath = $"{path}.fields[{c}]";
                if (!FieldId().IsMatch(child.Id ?? "") || !childIds.Add(child.Id!))
                {
                    add($"{childPath}.id", $"グループ内の項目ID「{child.Id}」は重複しない英数字（lowerCamelCase）にしてください", $"Field id '{child.Id}' in the group must be unique lowerCamelCase letters and digits");
                }

                CheckField(child, childPath, inGroup: true, add);
            }
        }
        else if (field.Fields.Count > 0)
        {
            add($"{path}.fields", "子項目（fields）は group の項目だけで使えます", "Child fields are only for group fields");
        }
    }

    private static void CheckText(LocalizedText? text, string path, Action<string, string, string> add)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Ja))
        {
            add(path, "日本語の文言がありません", "The Japanese text is missing");
        }
    }

    private static void CheckCondition(Condition condition, string path, Func<string, bool> exists, Action<string, string, string> add, int depth = 0)
    {
        if (depth > 16)
        {
            add(path, "条件の入れ子が深すぎます", "The condition is nested too deeply");
            return;
        }

        var forms = (condition.Field is not null ? 1 : 0) + (condition.All is not null ? 1 : 0) + (condition.Any is not null ? 1 : 0) + (condition.Not is not null ? 1 : 0);
        if (forms != 1)
        {
            add(path, "条件には field・all・any・not のどれか1つを書いてください", "A condition needs exactly one of field, all, any or not");
        }

        if (condition.Field is { } id)
        {
            if (!exists(id))
            {
                add(path, $"条件が参照する項目「{id}」がフォームにありません", $"The condition refers to '{id}', which is not in the form");
            }

            var comparisons = (condition.EqualTo is not null ? 1 : 0) + (condition.In is not null ? 1 : 0) + (condition.IsAnswered is not null ? 1 : 0) + (condition.Contains is not null ? 1 : 0);
            if (comparisons > 1)
            {
                add(path, "条件の比較（equalTo・in・isAnswered・contains）は1つにしてください", "Use one comparison (equalTo, in, isAnswered or contains) per condition");
            }
        }

        foreach (var (child, i) in (condition.All ?? []).Select((c, i) => (c, i)))
        {
            CheckCondition(child, $"{path}.all[{i}]", exists, add, depth + 1);
        }

        foreach (var (child, i) in (condition.Any ?? []).Select((c, i) => (c, i)))
        {
            CheckCondition(child, $"{path}.any[{i}]", exists, add, depth + 1);
        }

        if (condition.Not is { } not)
        {
            CheckCondition(not, $"{path}.not", exists, add, depth + 1);
        }
    }

    private static void CheckExpression(Expression e, string path, Dictionary<string, FormField> top, FormField? group, int depth, Action<string, string, string> add)
    {
        if (depth > 16)
        {
            add(path, "計算式の入れ子が深すぎます", "The expression is nested too deeply");
            return;
        }

        bool Exists(string id) => top.ContainsKey(id) || group is not null && group.Fields.Any(f => f.Id == id);
        FormField? Find(string id) => group?.Fields.FirstOrDefault(f => f.Id == id) ?? top.GetValueOrDefault(id);

        var forms = (e.Value is not null ? 1 : 0) + (e.Field is not null ? 1 : 0) + (e.Count is not null ? 1 : 0) + (e.Sum is not null ? 1 : 0)
            + (e.Multiply is not null ? 1 : 0) + (e.If is not null ? 1 : 0) + (e.SumOver is not null ? 1 : 0);
        if (forms != 1)
        {
            add(path, "計算式には value・field・count・sum・multiply・if・sumOver のどれか1つを書いてください", "An expression needs exactly one of value, field, count, sum, multiply, if or sumOver");
        }

        if (e.Field is { } id && Find(id) is not { Type: FieldType.Number })
        {
            add(path, $"計算式の field「{id}」は数値（number）の項目を指定してください", $"The expression's field '{id}' must be a number field");
        }

        if (e.Count is { } countId && Find(countId) is not { Type: FieldType.Group or FieldType.MultiChoice })
        {
            add(path, $"count「{countId}」はグループか複数選択の項目を指定してください", $"count '{countId}' must be a group or multiChoice field");
        }

        foreach (var (x, i) in (e.Sum ?? []).Select((x, i) => (x, i)))
        {
            CheckExpression(x, $"{path}.sum[{i}]", top, group, depth + 1, add);
        }

        foreach (var (x, i) in (e.Multiply ?? []).Select((x, i) => (x, i)))
        {
            CheckExpression(x, $"{path}.multiply[{i}]", top, group, depth + 1, add);
        }

        if (e.If is { } condition)
        {
            CheckCondition(condition, $"{path}.if", Exists, add);
            if (e.Then is null)
            {
                add(path, "if には then が必要です", "if needs then");
            }
        }

        if (e.Then is { } then)
        {
            CheckExpression(then, $"{path}.then", top, group, depth + 1, add);
        }

        if (e.Else is { } otherwise)
        {
            CheckExpression(otherwise, $"{path}.else", top, group, depth + 1, add);
        }

        if (e.SumOver is { } groupId)
        {
            var target = top.GetValueOrDefault(groupId);
            if (group is not null || target is not { Type: FieldType.Group })
            {
                add(path, $"sumOver「{groupId}」は最上位のグループ項目を指定してください", $"sumOver '{groupId}' must be a top-level group field");
            }

            if (e.Each is null)
            {
                add(path, "sumOver には each が必要です", "sumOver needs each");
            }
            else if (target is { Type: FieldType.Group })
            {
                CheckExpression(e.Each, $"{path}.each", top, target, depth + 1, add);
            }
        }
        else if (e.Each is not null)
        {
            add(path, "each は sumOver と一緒に使ってください", "each is only used with sumOver");
        }
    }

    /// <summary>Field ids a condition refers to.</summary>
    private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

    /// <summary>Every null that the definition's types do not allow: a required property or an item of a list of parts.</summary>
    private static void FindMissingValues(object part, string path, Action<string, string, string> add)
    {
        foreach (var property in part.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.Namespace is "System.Text.Json.Nodes")
            {
                continue;
            }

            var name = path.Length == 0 ? JsonName(property.Name) : $"{path}.{JsonName(property.Name)}";
            var value = property.GetValue(part);
            if (value is null)
            {
                bool nullable;
                lock (Nullability)
                {
                    nullable = Nullability.Create(property).ReadState != System.Reflection.NullabilityState.NotNull;
                }

                if (!nullable)
                {
                    add(name, "値がありません（null）。値を書くか、この項目を削除してください", "The value is missing (null). Write a value or remove the property");
                }

                continue;
            }

            if (value is string)
            {
                continue;
            }

            if (value is System.Collections.IEnumerable items && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericArguments()[0] is { } itemType && (itemType.Namespace == typeof(FormDefinition).Namespace || itemType == typeof(string)))
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        add($"{name}[{i}]", "リストの中に空の値（null）があります。削除してください", "The list holds an empty value (null). Remove it");
                    }
                    else if (item is not string)
                    {
                        FindMissingValues(item, $"{name}[{i}]", add);
                    }

                    i++;
                }
            }
            else if (property.PropertyType.Namespace == typeof(FormDefinition).Namespace && !property.PropertyType.IsEnum)
            {
                FindMissingValues(value, name, add);
            }
        }
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static IEnumerable<string> ConditionFields(Condition condition)
    {
        if (condition.Field is { } id)
        {
            yield return id;
        }

        foreach (var c in (condition.All ?? []).Concat(condition.Any ?? []).Concat(condition.Not is null ? [] : [condition.Not]))
        {
            foreach (var inner in ConditionFields(c))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StepId();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FieldId();
}
