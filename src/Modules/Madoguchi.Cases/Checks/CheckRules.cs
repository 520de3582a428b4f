using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Madoguchi.Cases.Checks;

/// <summary>
/// A declarative check of a procedure (審査の自動化), e.g.
/// <c>{ "kind": "age", "field": "dateOfBirth", "min": 18 }</c>. Kinds: <c>requiredAttachment</c> (field),
/// <c>age</c> (field, min, max), <c>residence</c> (field, city), <c>duplicate</c> (nameField,
/// dateOfBirthField), <c>amount</c> (field, min, max).
/// </summary>
public sealed record CheckRule(string Kind, string? Field = null, decimal? Min = null, decimal? Max = null, string? City = null,
    string? NameField = null, string? DateOfBirthField = null);

/// <summary>A check's outcome: passed, or flagged with a reason in Japanese and English. It never decides.</summary>
public sealed record CheckOutcome(string Kind, bool Passed, string MessageJa, string MessageEn);

public static class CheckRules
{
    public const string RequiredAttachment = "requiredAttachment";
    public const string Age = "age";
    public const string Residence = "residence";
    public const string Duplicate = "duplicate";
    public const string Amount = "amount";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CheckRule> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<CheckRule>>(json, Json) ?? [];

    public static string Serialize(IReadOnlyList<CheckRule> rules) => JsonSerializer.Serialize(rules, Json);

    /// <summary>
    /// Runs every rule on the answers. <paramref name="hasOpenDuplicate"/> answers the duplicate rule:
    /// is there another open case of the procedure with this applicant key?
    /// </summary>
    public static IReadOnlyList<CheckOutcome> Run(IReadOnlyList<CheckRule> rules, JsonObject answers, DateOnly submittedOn, Func<string, bool> hasOpenDuplicate)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(hasOpenDuplicate);
        return [.. rules.Select(rule => rule.Kind switch
        {
            RequiredAttachment => Attachment(rule, answers),
            Age => AgeCheck(rule, answers, submittedOn),
            Residence => ResidenceCheck(rule, answers),
            Duplicate => DuplicateCheck(rule, answers, hasOpenDuplicate),
            Amount => AmountCheck(rule, answers),
            _ => new CheckOutcome(rule.Kind, false, $"未知のチェック「{rule.Kind}」です。設定を確かめてください。", $"Unknown check '{rule.Kind}': check the settings."),
        })];
    }

    private static CheckOutcome Attachment(CheckRule rule, JsonObject answers)
    {
        var value = answers[rule.Field ?? ""];
        var present = value is JsonValue v && v.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id)
            || value is JsonArray { Count: > 0 };
        return present
            ? new(rule.Kind, true, "必要な添付書類があります。", "The required attachment is present.")
            : new(rule.Kind, false, $"添付書類（{rule.Field}）がありません。", $"The required attachment ({rule.Field}) is missing.");
    }

    private static CheckOutcome AgeCheck(CheckRule rule, JsonObject answers, DateOnly on)
    {
        if (!TryDate(answers[rule.Field ?? ""], out var birth))
        {
            return new(rule.Kind, false, "生年月日がないため年齢を確認できません。", "No date of birth: the age could not be checked.");
        }

        var age = AgeOn(birth, on);
        if (rule.Min is { } min && age < min)
        {
            return new(rule.Kind, false, $"申請日時点で{age}歳です（{min}歳以上が対象）。", $"Aged {age} on the date of application (must be at least {min}).");
        }

        if (rule.Max is { } max && age > max)
        {
            return new(rule.Kind, false, $"申請日時点で{age}歳です（{max}歳以下が対象）。", $"Aged {age} on the date of application (must be at most {max}).");
        }

        return new(rule.Kind, true, $"申請日時点で{age}歳（対象の年齢です）。", $"Aged {age} on the date of application (eligible).");
    }

    /// <summary>Age in full years on <paramref name="on"/> (a birthday on 29 February counts from 1 March in other years).</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return age;
    }

    private static CheckOutcome ResidenceCheck(CheckRule rule, JsonObject answers)
    {
        var city = string.IsNullOrEmpty(rule.City) ? "武蔵野市" : rule.City;
        var node = answers[rule.Field ?? ""];
        var address = node is JsonObject o ? o["address"]?.GetValue<string>() : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(address))
        {
            return new(rule.Kind, false, "住所がないため市内在住か確認できません。", "No address: residence in the city could not be checked.");
        }

        var normalized = Madoguchi.Platform.Text.UnicodeText.NormalizeKC(address).Replace(" ", "", StringComparison.Ordinal);
        return normalized.Contains(city, StringComparison.Ordinal)
            ? new(rule.Kind, true, $"住所は{city}内です。", $"The address is in {city}.")
            : new(rule.Kind, false, $"住所が{city}内ではありません。市外の人が対象か確かめてください。", $"The address is not in {city}: check whether people from outside the city qualify.");
    }

    private static CheckOutcome DuplicateCheck(CheckRule rule, JsonObject answers, Func<string, bool> hasOpenDuplicate)
    {
        var key = ApplicantKey(answers, rule.NameField ?? "applicantName", rule.DateOfBirthField ?? "dateOfBirth");
        if (key is null)
        {
            return new(rule.Kind, false, "氏名か生年月日がないため重複を確認できません。", "No name or date of birth: duplicates could not be checked.");
        }

        return hasOpenDuplicate(key)
            ? new(rule.Kind, false, "同じ人の同じ手続きの案件が処理中です。重複申請でないか確かめてください。", "An open case of this procedure exists for the same person: check whether this is a duplicate.")
            : new(rule.Kind, true, "同じ人の処理中の案件はありません。", "No open case of this procedure for the same person.");
    }

    private static CheckOutcome AmountCheck(CheckRule rule, JsonObject answers)
    {
        var node = answers[rule.Field ?? ""];
        if (node is not JsonValue value || !TryDecimal(value, out var amount))
        {
            return new(rule.Kind, false, $"金額・数量（{rule.Field}）がありません。", $"No amount ({rule.Field}) to check.");
        }

        var shown = amount.ToString(CultureInfo.InvariantCulture);
        if ((rule.Min is { } min && amount < min) || (rule.Max is { } max && amount > max))
        {
            return new(rule.Kind, false, $"{shown} は範囲外です（{rule.Min}〜{rule.Max}）。", $"{shown} is out of range ({rule.Min}–{rule.Max}).");
        }

        return new(rule.Kind, true, $"{shown} は範囲内です。", $"{shown} is within range.");
    }

    /// <summary>SHA-256 of the normalised name (family + given, NFKC, no spaces) and date of birth; null when either is missing.</summary>
    public static string? ApplicantKey(JsonObject answers, string nameField = "applicantName", string dateOfBirthField = "dateOfBirth")
    {
        ArgumentNullException.ThrowIfNull(answers);
        var nameNode = answers[nameField];
        var name = nameNode is JsonObject n
            ? $"{n["family"]?.GetValue<string>()}{n["given"]?.GetValue<string>()}"
            : nameNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(name) || !TryDate(answers[dateOfBirthField], out var birth))
        {
            return null;
        }

        var normalized = Madoguchi.Platform.Text.UnicodeText.NormalizeKC(name).Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{normalized}|{birth:yyyy-MM-dd}")));
    }

    private static bool TryDate(JsonNode? node, out DateOnly date)
    {
        date = default;
        return node is JsonValue v && v.TryGetValue<string>(out var s)
            && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryDecimal(JsonValue value, out decimal amount)
    {
        if (value.TryGetValue(out amount))
        {
            return true;
        }

        return value.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
    }
}
