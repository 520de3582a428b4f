using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace Madoguchi.Tests.Properties;

/// <summary>
/// Shared generators and the iteration budget of the property tests. CI runs a short budget; a longer fuzz
/// run raises it with <c>MADOGUCHI_FUZZ_ITERATIONS</c> (docs/fuzzing.md). <c>MADOGUCHI_FUZZ_SEED</c> replays a failure.
/// </summary>
internal static class Fuzz
{
    /// <summary>Iterations for a property of the given relative cost (1 = cheap; larger = fewer iterations in CI).</summary>
    public static long Iterations(int cost = 1)
    {
        var text = Environment.GetEnvironmentVariable("MADOGUCHI_FUZZ_ITERATIONS");
        var baseline = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2_000;
        return Math.Max(1, baseline / cost);
    }

    /// <summary>A seed to replay a reported failure, or null for a fresh random run.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("MADOGUCHI_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>One or two threads: the CI machine has two cores shared with other work.</summary>
    public const int Threads = 2;

    /// <summary>Strings that tend to break parsers: empty, blanks, control characters, lone surrogates, emoji, huge, markup, kana, full-width digits.</summary>
    public static readonly string[] NastyStrings =
    [
        "", " ", "\u3000", "\0", "\r\n", "\t", "\u0085", "\u200d", "\ufeff", "\ud800", "\udc00", "a\ud83d", "👨‍👩‍👧", "🇯🇵", "葛󠄀", "𠮷",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE x;--", "${jndi:x}", "%s%n", "../../etc/passwd",
        "１２３", "１８０－０００１", "180-0001", "1800001", "令和元年5月1日", "R8.11.25", "平成31年4月30日", "明治1年1月1日", "2026-02-29", "2026-11-25",
        "9999-12-31", "0000-01-01", "-1", "1e309", "NaN", "Infinity", "0x10", "123456789018", "000000000000", "true", "null",
        "text", "longText", "number", "date", "choice", "multiChoice", "japaneseName", "postalCode", "address", "phone", "email", "file",
        "consent", "myNumber", "group", "wareki", "gregorian", "notFuture", "notPast", "radio", "select", "(a+)+$", "[", "\\", "(?<x>",
        "name", "copies", "kind", "members", "agree", "idDocument", "up-pdf", "up-gif", "self", "proxy", "ムサシノ", "ﾑｻｼﾉ", "むさしの",
        new string('あ', 300), new string('9', 40),
    ];

    /// <summary>Property names of definitions and answers, so random objects often hit real code paths.</summary>
    public static readonly string[] Keys =
    [
        "steps", "id", "title", "ja", "en", "fields", "type", "label", "required", "showIf", "field", "equalTo", "in", "isAnswered", "contains",
        "all", "any", "not", "maxLength", "pattern", "patternMessage", "min", "max", "decimals", "unit", "options", "value", "display",
        "dateStyle", "dateRule", "accept", "maxSizeKb", "minItems", "maxItems", "itemLabel", "prefill", "computed", "expression", "sum",
        "multiply", "count", "if", "then", "else", "sumOver", "each", "isFee", "rules", "when", "require", "message", "description", "help",
        "family", "given", "familyKana", "givenKana", "postalCode", "building", "name", "copies", "kind", "members", "agree", "idDocument",
        "dateOfBirth", "phone", "email", "myNumber", "purpose", "purposeOther", "x",
    ];

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(NastyStrings)),
        (2, Gen.String),
        (1, Gen.Char.Array[0, 12].Select(c => new string(c))),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (1, Gen.Const<JsonNode?>((JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (2, Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Int[-3, 12].Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0.5))),
        (1, Gen.OneOf("1e308", "-1e-320", "79228162514264337593543950336", "0.0000000000000000000000000001", "-0", "12345678901234567890.5")
            .Select(n => JsonNode.Parse(n))),
        (6, Text.Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>Any JSON value, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> Json(int depth = 3)
    {
        if (depth <= 0)
        {
            return Scalar;
        }

        var inner = Json(depth - 1);
        var array = inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray([.. items]));
        var obj = Gen.Select(Gen.Frequency((5, Gen.OneOf(Keys)), (1, Text)), inner).Array[0, 5]
            .Select(pairs =>
            {
                var o = new JsonObject();
                foreach (var (key, value) in pairs)
                {
                    o[key] = value;
                }

                return (JsonNode?)o;
            });
        return Gen.Frequency((4, Scalar), (1, array), (2, obj));
    }

    /// <summary>A mutation: where (as a random number) and what to do there (replace, remove, null, duplicate into an array).</summary>
    public sealed record Mutation(uint Where, int Kind, JsonNode? Value)
    {
        public override string ToString() => $"{Kind}@{Where}: {Value?.ToJsonString() ?? "null"}";
    }

    public static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.UInt, Gen.Int[0, 3], Json(2), (w, k, v) => new Mutation(w, k, v));

    /// <summary>A copy of <paramref name="original"/> with the mutations applied at node positions chosen by the mutations.</summary>
    public static JsonNode Mutate(JsonNode original, IEnumerable<Mutation> mutations)
    {
        var root = original.DeepClone();
        foreach (var m in mutations)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var target = nodes[(int)(m.Where % (uint)nodes.Count)];
            var parent = target.Parent;
            if (parent is null)
            {
                continue;
            }

            var value = m.Value?.DeepClone();
            switch (parent)
            {
                case JsonObject o:
                    var key = target.GetPropertyName();
                    if (m.Kind == 1)
                    {
                        o.Remove(key);
                    }
                    else
                    {
                        o[key] = m.Kind == 2 ? null : m.Kind == 3 ? new JsonArray(target.DeepClone(), value) : value;
                    }

                    break;
                case JsonArray a:
                    var index = target.GetElementIndex();
                    if (m.Kind == 1)
                    {
                        a.RemoveAt(index);
                    }
                    else if (m.Kind == 3)
                    {
                        a.Insert(index, target.DeepClone());
                    }
                    else
                    {
                        a[index] = m.Kind == 2 ? null : value;
                    }

                    break;
            }
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Collect(value, nodes);
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Collect(value, nodes);
                }

                break;
        }
    }
}
