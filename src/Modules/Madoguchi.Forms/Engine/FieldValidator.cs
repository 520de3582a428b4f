using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.Engine;

/// <summary>Error codes of <see cref="FieldError.Code"/>; the schema's <c>x-server-rules</c> use the same names.</summary>
public static class FieldErrorCodes
{
    public const string Required = "required";
    public const string InvalidShape = "invalidShape";
    public const string TooLong = "tooLong";
    public const string ControlCharacters = "controlCharacters";
    public const string InvalidCharacters = "invalidCharacters";
    public const string Emoji = "emoji";
    public const string Pattern = "pattern";
    public const string NotANumber = "notANumber";
    public const string NotInteger = "notInteger";
    public const string TooManyDecimals = "tooManyDecimals";
    public const string OutOfRange = "outOfRange";
    public const string InvalidDate = "invalidDate";
    public const string DateInFuture = "notFuture";
    public const string DateInPast = "notPast";
    public const string NotAnOption = "notAnOption";
    public const string KanaNotKatakana = "katakana";
    public const string InvalidPostalCode = "invalidPostalCode";
    public const string InvalidPhone = "invalidPhone";
    public const string InvalidEmail = "invalidEmail";
    public const string InvalidMyNumber = "invalidMyNumber";
    public const string MyNumberCheckDigit = "myNumberCheckDigit";
    public const string UploadNotFound = "fileExists";
    public const string FileType = "fileType";
    public const string FileTooLarge = "fileSize";
    public const string TooFewItems = "minItems";
    public const string TooManyItems = "maxItems";
    public const string UnknownField = "unknownField";

    /// <summary>The code of a cross-field <see cref="FormRule"/>'s error.</summary>
    public static string Rule(string ruleId) => "rule:" + ruleId;
}

/// <summary>Validates one field's answer of any JSON shape, never throwing, with messages that say how to fix it.</summary>
internal static partial class FieldValidator
{
    public const int DefaultTextMax = 200;
    public const int DefaultLongTextMax = 2000;
    public const int NamePartMax = 50;
    public const int AddressMax = 200;
    public const int EmailMax = 254;
    public const int DefaultFileMaxKb = 5120;

    public static int TextMax(FormField field) => field.MaxLength ?? (field.Type == FieldType.LongText ? DefaultLongTextMax : DefaultTextMax);

    public static void Validate(FormState state, FormField field, JsonNode? value, string path, FormContext context, List<FieldError> errors, FormField? group = null, JsonObject? item = null)
    {
        var label = field.Label;
        if (AnswerText.IsEmpty(value))
        {
            if (field.Required)
            {
                errors.Add(RequiredError(field, path));
            }

            return;
        }

        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.LongText:
                ValidateText(field, value, path, errors);
                break;
            case FieldType.Number:
                ValidateNumber(field, value, path, errors);
                break;
            case FieldType.Date:
                ValidateDate(field, value, path, context, errors);
                break;
            case FieldType.Choice:
                if (!AnswerText.TryGetString(value, out var choice) || field.Options.All(o => o.Value != choice.Trim()))
                {
                    errors.Add(Error(path, FieldErrorCodes.NotAnOption, $"{label.Ja}は選択肢から選んでください", $"Select {En(label)} from the options given"));
                }

                break;
            case FieldType.MultiChoice:
                ValidateMultiChoice(field, value, path, errors);
                break;
            case FieldType.JapaneseName:
                ValidateName(field, value, path, errors);
                break;
            case FieldType.PostalCode:
                if (!AnswerText.TryGetString(value, out var postal) || AnswerText.NormalizePostalCode(postal) is null)
                {
                    errors.Add(PostalError(path, label));
                }

                break;
            case FieldType.Address:
                ValidateAddress(field, value, path, errors);
                break;
            case FieldType.Phone:
                if (!AnswerText.TryGetString(value, out var phone) || !IsPhone(phone))
                {
                    errors.Add(Error(path, FieldErrorCodes.InvalidPhone,
                        $"{label.Ja}は市外局番から10桁または11桁の番号を、半角数字とハイフンで入力してください（例：0422-51-5131）",
                        $"Enter {En(label)} as a 10 or 11 digit number starting with 0, for example 0422-51-5131"));
                }

                break;
            case FieldType.Email:
                if (!AnswerText.TryGetString(value, out var email) || !IsEmail(email.Trim()))
                {
                    errors.Add(Error(path, FieldErrorCodes.InvalidEmail,
                        $"{label.Ja}はメールアドレスの形式で入力してください（例：name@example.jp）",
                        $"Enter {En(label)} as an email address, like name@example.jp"));
                }

                break;
            case FieldType.Consent:
                if (!IsTrue(value))
                {
                    errors.Add(field.Required ? RequiredError(field, path) : Error(path, FieldErrorCodes.InvalidShape,
                        $"{label.Ja}はチェックを入れるか、外してください", $"Tick or untick {En(label)}"));
                }

                break;
            case FieldType.MyNumber:
                ValidateMyNumber(field, value, path, errors);
                break;
            case FieldType.File:
                ValidateFile(field, value, path, context, errors);
                break;
            case FieldType.Group:
                ValidateGroup(state, field, value, path, context, errors);
                break;
            default:
                errors.Add(ShapeError(path, label));
                break;
        }

        _ = group;
        _ = item;
    }

    public static bool IsTrue(JsonNode? value) =>
        value is JsonValue v && (v.GetValueKind() == JsonValueKind.True
            || AnswerText.TryGetString(v, out var s) && s.Trim() is "true" or "on" or "yes");

    public static FieldError RequiredError(FormField field, string path)
    {
        var l = field.Label;
        return field.Type switch
        {
            FieldType.Choice or FieldType.MultiChoice => Error(path, FieldErrorCodes.Required, $"{l.Ja}を選んでください", $"Select {En(l)}"),
            FieldType.File => Error(path, FieldErrorCodes.Required, $"{l.Ja}のファイルを選んでください", $"Choose a file for {En(l)}"),
            FieldType.Consent => Error(path, FieldErrorCodes.Required, $"{l.Ja}を確認し、チェックを入れてください（同意がないと申請できません）", $"Read {En(l)} and tick the box: you cannot apply without agreeing"),
            FieldType.Group => Error(path, FieldErrorCodes.Required, $"{l.Ja}を1件以上追加してください", $"Add at least one {En(field.ItemLabel ?? l)}"),
            _ => Error(path, FieldErrorCodes.Required, $"{l.Ja}を入力してください", $"Enter {En(l)}"),
        };
    }

    private static void ValidateText(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(ShapeError(path, label));
            return;
        }

        if (!AnswerText.TryGetString(v, out var text) || AnswerText.HasUnpairedSurrogate(text))
        {
            errors.Add(InvalidCharacters(path, label));
            return;
        }

        var isLong = field.Type == FieldType.LongText;
        if (AnswerText.HasControlCharacter(text, allowNewlines: isLong))
        {
            errors.Add(Error(path, FieldErrorCodes.ControlCharacters,
                isLong ? $"{label.Ja}に使えない制御文字が含まれています。改行とタブ以外の制御文字を削除してください" : $"{label.Ja}に使えない制御文字（改行やタブなど）が含まれています。1行の文字だけを入力してください",
                isLong ? $"{En(label)} contains control characters; remove everything except line breaks and tabs" : $"{En(label)} contains control characters such as line breaks or tabs; enter a single line of text"));
            return;
        }

        var trimmed = text.Trim();
        var max = TextMax(field);
        var count = AnswerText.CountCharacters(trimmed);
        if (count > max)
        {
            errors.Add(TooLong(path, label, max, count));
            return;
        }

        if (field.Pattern is { } pattern && !PatternMatches(pattern, trimmed) && !PatternMatches(pattern, text))
        {
            errors.Add(Error(path, FieldErrorCodes.Pattern,
                field.PatternMessage?.Ja ?? $"{label.Ja}の形式が正しくありません。説明にある形式で入力してください",
                field.PatternMessage?.Get(true) ?? $"{En(label)} is not in the expected format; enter it as the hint describes"));
        }
    }

    private static readonly Dictionary<string, Regex?> Patterns = [];

    /// <summary>The definition's pattern matched against the whole value (as the schema's <c>pattern</c> says too).</summary>
    public static string AnchoredPattern(string pattern) => $"^(?:{pattern})$";

    /// <summary>Whether the whole value matches the definition's pattern (an invalid pattern matches nothing; the checker reports it).</summary>
    public static bool PatternMatches(string pattern, string value)
    {
        Regex? regex;
        lock (Patterns)
        {
            if (!Patterns.TryGetValue(pattern, out regex))
            {
                try
                {
                    regex = new Regex(AnchoredPattern(pattern), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException)
                {
                    regex = null;
                }

                Patterns[pattern] = regex;
            }
        }

        try
        {
            return regex is not null && regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void ValidateNumber(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;
        if (!AnswerText.TryGetNumber(value, out var number))
        {
            errors.Add(Error(path, FieldErrorCodes.NotANumber,
                field.Decimals > 0 ? $"{label.Ja}は数字で入力してください（例：1.5）" : $"{label.Ja}は数字で入力してください（例：3）",
                field.Decimals > 0 ? $"Enter {En(label)} as a number, for example 1.5" : $"Enter {En(label)} as a number, for example 3"));
            return;
        }

        if (field.Decimals <= 0 && number != decimal.Truncate(number))
        {
            errors.Add(Error(path, FieldErrorCodes.NotInteger, $"{label.Ja}は小数点のない整数で入力してください（例：3）", $"Enter {En(label)} as a whole number, for example 3"));
            return;
        }

        if (field.Decimals > 0 && AnswerText.DecimalPlaces(number) > field.Decimals)
        {
            errors.Add(Error(path, FieldErrorCodes.TooManyDecimals,
                $"{label.Ja}は小数点以下{field.Decimals}桁までで入力してください", $"Enter {En(label)} with at most {field.Decimals} digits after the decimal point"));
            return;
        }

        var min = field.Min ?? -AnswerText.NumberLimit;
        var max = field.Max ?? AnswerText.NumberLimit;
        if (number < min || number > max)
        {
            var unitJa = field.Unit?.Ja ?? "";
            var unitEn = field.Unit is null ? "" : " " + field.Unit.Get(true);
            var (ja, en) = (field.Min, field.Max) switch
            {
                ({ } lo, { } hi) => ($"{label.Ja}は{N(lo)}{unitJa}から{N(hi)}{unitJa}までの数で入力してください", $"{En(label)} must be between {N(lo)}{unitEn} and {N(hi)}{unitEn}"),
                ({ } lo, null) => ($"{label.Ja}は{N(lo)}{unitJa}以上の数で入力してください", $"{En(label)} must be {N(lo)}{unitEn} or more"),
                (null, { } hi) => ($"{label.Ja}は{N(hi)}{unitJa}以下の数で入力してください", $"{En(label)} must be {N(hi)}{unitEn} or less"),
                _ => ($"{label.Ja}が大きすぎます。正しい数を入力してください", $"{En(label)} is too large; enter the correct number"),
            };
            errors.Add(Error(path, FieldErrorCodes.OutOfRange, ja, en));
        }
    }

    private static string N(decimal d) => d.ToString("#,0.##########", CultureInfo.InvariantCulture);

    private static void ValidateDate(FormField field, JsonNode? value, string path, FormContext context, List<FieldError> errors)
    {
        var label = field.Label;
        if (!AnswerText.TryGetDate(value, out var date))
        {
            errors.Add(Error(path, FieldErrorCodes.InvalidDate,
                field.DateStyle == DateStyle.Wareki
                    ? $"{label.Ja}は実在する日付を入力してください（例：令和8年11月25日、または2026年11月25日）"
                    : $"{label.Ja}は実在する日付を入力してください（例：2026年11月25日）",
                $"Enter {En(label)} as a real date, for example 25 11 2026"));
            return;
        }

        if (field.DateRule == DateRule.NotFuture && date > context.Today)
        {
            errors.Add(Error(path, FieldErrorCodes.DateInFuture, $"{label.Ja}は今日またはそれより前の日付を入力してください", $"{En(label)} must be today or in the past"));
        }
        else if (field.DateRule == DateRule.NotPast && date < context.Today)
        {
            errors.Add(Error(path, FieldErrorCodes.DateInPast, $"{label.Ja}は今日またはそれより後の日付を入力してください", $"{En(label)} must be today or in the future"));
        }
    }

    private static void ValidateMultiChoice(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;
        if (value is not JsonArray array)
        {
            // A single value is accepted as a one-item selection.
            if (AnswerText.TryGetString(value, out var single) && field.Options.Any(o => o.Value == single.Trim()))
            {
                return;
            }

            errors.Add(Error(path, FieldErrorCodes.NotAnOption, $"{label.Ja}は選択肢から選んでください", $"Select {En(label)} from the options given"));
            return;
        }

        if (array.Count > Math.Max(field.Options.Count, 1) * 4 || array.Any(e => !AnswerText.TryGetString(e, out var s) || field.Options.All(o => o.Value != s)))
        {
            errors.Add(Error(path, FieldErrorCodes.NotAnOption, $"{label.Ja}は選択肢から選んでください", $"Select {En(label)} from the options given"));
        }
    }

    private static readonly string[] NameParts = ["family", "given", "familyKana", "givenKana"];

    private static void ValidateName(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;
        if (value is not JsonObject name)
        {
            errors.Add(ShapeError(path, label));
            return;
        }

        foreach (var (key, _) in name)
        {
            if (!NameParts.Contains(key))
            {
                errors.Add(UnknownError($"{path}.{key}"));
            }
        }

        // Any part given makes all four needed (a partly answered optional name is a mistake).
        foreach (var part in NameParts)
        {
            var partPath = $"{path}.{part}";
            var node = name[part];
            var (partJa, partEn) = part switch
            {
                "family" => ("姓", "family name"),
                "given" => ("名", "given name"),
                "familyKana" => ("姓のフリガナ", "reading of the family name"),
                _ => ("名のフリガナ", "reading of the given name"),
            };
            if (AnswerText.IsEmpty(node))
            {
                errors.Add(Error(partPath, FieldErrorCodes.Required, $"{label.Ja}の{partJa}を入力してください", $"Enter the {partEn} for {En(label)}"));
                continue;
            }

            if (node is not JsonValue || !AnswerText.TryGetString(node, out var text) || AnswerText.HasUnpairedSurrogate(text))
            {
                errors.Add(node is JsonValue { } v && v.GetValueKind() == JsonValueKind.String ? InvalidCharacters(partPath, label) : ShapeError(partPath, label));
                continue;
            }

            if (AnswerText.HasControlCharacter(text, allowNewlines: false))
            {
                errors.Add(Error(partPath, FieldErrorCodes.ControlCharacters, $"{label.Ja}の{partJa}に使えない制御文字が含まれています。文字だけを入力してください", $"The {partEn} for {En(label)} contains control characters; enter letters only"));
                continue;
            }

            if (AnswerText.HasEmoji(text))
            {
                errors.Add(Error(partPath, FieldErrorCodes.Emoji, $"{label.Ja}の{partJa}に絵文字は使えません。絵文字を削除してください", $"The {partEn} for {En(label)} cannot contain emoji; remove them"));
                continue;
            }

            var count = AnswerText.CountCharacters(text.Trim());
            if (count > NamePartMax)
            {
                errors.Add(TooLong(partPath, new LocalizedText($"{label.Ja}の{partJa}", $"The {partEn} for {En(label)}"), NamePartMax, count));
                continue;
            }

            if (part.EndsWith("Kana", StringComparison.Ordinal) && !AnswerText.IsKatakana(AnswerText.ToKatakana(text)))
            {
                errors.Add(Error(partPath, FieldErrorCodes.KanaNotKatakana,
                    $"{label.Ja}の{partJa}は全角カタカナで入力してください（例：ムサシノ）",
                    part == "familyKana" ? "Enter the reading of the family name in katakana, for example ムサシノ" : "Enter the reading of the given name in katakana, for example タロウ"));
            }
        }
    }

    private static void ValidateAddress(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;
        if (value is not JsonObject address)
        {
            errors.Add(ShapeError(path, label));
            return;
        }

        foreach (var (key, _) in address)
        {
            if (key is not ("postalCode" or "address" or "building"))
            {
                errors.Add(UnknownError($"{path}.{key}"));
            }
        }

        var postal = address["postalCode"];
        if (AnswerText.IsEmpty(postal))
        {
            errors.Add(Error($"{path}.postalCode", FieldErrorCodes.Required, $"{label.Ja}の郵便番号を入力してください（例：180-0001）", $"Enter the postcode of {En(label)}, for example 180-0001"));
        }
        else if (!AnswerText.TryGetString(postal, out var p) || AnswerText.NormalizePostalCode(p) is null)
        {
            errors.Add(PostalError($"{path}.postalCode", new LocalizedText($"{label.Ja}の郵便番号", $"the postcode of {En(label)}")));
        }

        foreach (var (part, ja, en, required) in new[] { ("address", "住所", "address", true), ("building", "建物名・部屋番号", "building and room", false) })
        {
            var node = address[part];
            var partPath = $"{path}.{part}";
            if (AnswerText.IsEmpty(node))
            {
                if (required)
                {
                    errors.Add(Error(partPath, FieldErrorCodes.Required, $"{label.Ja}の{ja}（町名・番地）を入力してください", $"Enter the {en} (town, block and number) of {En(label)}"));
                }

                continue;
            }

            var partLabel = new LocalizedText($"{label.Ja}の{ja}", $"The {en} of {En(label)}");
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(ShapeError(partPath, partLabel));
            }
            else if (!AnswerText.TryGetString(v, out var text) || AnswerText.HasUnpairedSurrogate(text))
            {
                errors.Add(InvalidCharacters(partPath, partLabel));
            }
            else if (AnswerText.HasControlCharacter(text, allowNewlines: false))
            {
                errors.Add(Error(partPath, FieldErrorCodes.ControlCharacters, $"{partLabel.Ja}に使えない制御文字（改行など）が含まれています。1行で入力してください", $"{partLabel.En} contains control characters such as line breaks; enter a single line"));
            }
            else if (AnswerText.CountCharacters(text.Trim()) is var count && count > AddressMax)
            {
                errors.Add(TooLong(partPath, partLabel, AddressMax, count));
            }
        }
    }

    private static void ValidateMyNumber(FormField field, JsonNode? value, string path, List<FieldError> errors)
    {
        var label = field.Label;

        // The value is never put in a message (個人番号 must not leak into logs or pages).
        if (!AnswerText.TryGetString(value, out var text) || AnswerText.DigitsOnly(text) is not { Length: 12 } digits)
        {
            errors.Add(Error(path, FieldErrorCodes.InvalidMyNumber, $"{label.Ja}は12桁の数字で入力してください", $"Enter {En(label)} as 12 digits"));
            return;
        }

        if (!MyNumber.IsValid(digits))
        {
            errors.Add(Error(path, FieldErrorCodes.MyNumberCheckDigit,
                $"{label.Ja}が正しくありません。マイナンバーカードまたは通知カードの12桁を確認して、入力し直してください",
                $"{En(label)} is not a valid number; check the 12 digits on your My Number card and enter them again"));
        }
    }

    private static void ValidateFile(FormField field, JsonNode? value, string path, FormContext context, List<FieldError> errors)
    {
        var label = field.Label;
        var upload = AnswerText.TryGetString(value, out var id) && id.Length <= 200 ? context.FindUpload?.Invoke(id.Trim()) : null;
        if (upload is null)
        {
            errors.Add(Error(path, FieldErrorCodes.UploadNotFound, $"{label.Ja}のファイルが見つかりません。もう一度ファイルを選んでください", $"The file for {En(label)} could not be found; choose the file again"));
            return;
        }

        if (field.Accept.Count > 0 && !field.Accept.Contains(upload.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            var types = string.Join("、", field.Accept.Select(FileTypeName));
            errors.Add(Error(path, FieldErrorCodes.FileType, $"{label.Ja}は{types}のファイルを選んでください", $"The file for {En(label)} must be {string.Join(", ", field.Accept.Select(FileTypeName))}"));
            return;
        }

        var maxKb = field.MaxSizeKb ?? DefaultFileMaxKb;
        if (upload.Size > maxKb * 1024L)
        {
            var size = maxKb >= 1024 && maxKb % 1024 == 0 ? $"{maxKb / 1024}MB" : $"{maxKb}KB";
            errors.Add(Error(path, FieldErrorCodes.FileTooLarge, $"{label.Ja}のファイルは{size}以下にしてください（縮小するか、別のファイルを選んでください）", $"The file for {En(label)} must be {size} or smaller; make it smaller or choose another file"));
        }
        else if (upload.Size == 0)
        {
            errors.Add(Error(path, FieldErrorCodes.FileTooLarge, $"{label.Ja}のファイルが空です。別のファイルを選んでください", $"The file for {En(label)} is empty; choose another file"));
        }
    }

    public static string FileTypeName(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/heic" => "HEIC",
        _ => mediaType,
    };

    private static void ValidateGroup(FormState state, FormField group, JsonNode? value, string path, FormContext context, List<FieldError> errors)
    {
        var label = group.Label;
        var itemLabel = group.ItemLabel ?? label;
        if (value is not JsonArray items)
        {
            errors.Add(ShapeError(path, label));
            return;
        }

        if (items.Count > group.MaxItems)
        {
            errors.Add(Error(path, FieldErrorCodes.TooManyItems, $"{label.Ja}は{group.MaxItems}件まで入力できます。{items.Count - group.MaxItems}件削除してください", $"You can add up to {group.MaxItems} {En(itemLabel)}; remove {items.Count - group.MaxItems}"));
            return;
        }

        var min = Math.Max(group.MinItems, group.Required ? 1 : 0);
        if (items.Count < min)
        {
            errors.Add(Error(path, FieldErrorCodes.TooFewItems, $"{label.Ja}を{min}件以上入力してください", $"Add at least {min} {En(itemLabel)}"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not JsonObject item)
            {
                errors.Add(Error(itemPath, FieldErrorCodes.InvalidShape, $"{label.Ja}の{i + 1}件目の形式が正しくありません。入力し直してください", $"{En(itemLabel)} {i + 1} is not in a form we can read; enter it again"));
                continue;
            }

            foreach (var (key, _) in item)
            {
                if (group.Fields.All(f => f.Id != key))
                {
                    errors.Add(UnknownError($"{itemPath}.{key}"));
                }
            }

            foreach (var child in group.Fields)
            {
                if (state.ChildVisible(group, child, item))
                {
                    Validate(state, child, item[child.Id], $"{itemPath}.{child.Id}", context, errors, group, item);
                }
            }
        }
    }

    public static bool IsPhone(string text)
    {
        var digits = AnswerText.DigitsOnly(text);
        var ascii = AnswerText.ToAsciiDigits(text).Trim();
        return digits is { Length: 10 or 11 } && digits[0] == '0' && !ascii.Contains(' ', StringComparison.Ordinal)
            && !ascii.StartsWith('-') && !ascii.EndsWith('-') && !ascii.Contains("--", StringComparison.Ordinal);
    }

    /// <summary>The practical email check; the schema carries the same pattern.</summary>
    public const string EmailPattern = @"^[^\s@\x00-\x1F\x7F]+@[^\s@.\x00-\x1F\x7F]+(\.[^\s@.\x00-\x1F\x7F]+)+$";

    public static bool IsEmail(string text) => text.Length <= EmailMax && !AnswerText.HasUnpairedSurrogate(text) && EmailRegex().IsMatch(text);

    [GeneratedRegex(EmailPattern)]
    private static partial Regex EmailRegex();

    public static FieldError Error(string path, string code, string ja, string en) => new(path, code, ja, en);

    public static FieldError UnknownError(string path) =>
        Error(path, FieldErrorCodes.UnknownField, "この項目はフォームにありません。送信内容から削除してください", "This question is not part of the form; remove it from the answers");

    private static FieldError ShapeError(string path, LocalizedText label) =>
        Error(path, FieldErrorCodes.InvalidShape, $"{label.Ja}の形式が正しくありません。入力し直してください", $"{En(label)} is not in a form we can read; enter it again");

    private static FieldError InvalidCharacters(string path, LocalizedText label) =>
        Error(path, FieldErrorCodes.InvalidCharacters, $"{label.Ja}に読み取れない文字が含まれています。その文字を削除して入力し直してください", $"{En(label)} contains characters that cannot be read; remove them and enter it again");

    private static FieldError TooLong(string path, LocalizedText label, int max, int count) =>
        Error(path, FieldErrorCodes.TooLong, $"{label.Ja}は{max}文字以内で入力してください（いまは{count}文字です）", $"{En(label)} must be {max} characters or fewer (it has {count})");

    private static FieldError PostalError(string path, LocalizedText label) =>
        Error(path, FieldErrorCodes.InvalidPostalCode, $"{label.Ja}は7桁の数字で入力してください（例：180-0001）", $"Enter {En(label)} as 7 digits, for example 180-0001");

    private static string En(LocalizedText label) => label.Get(true);
}

/// <summary>個人番号: the check digit of the official algorithm (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条).</summary>
public static class MyNumber
{
    public static bool IsValid(string digits)
    {
        if (digits.Length != 12 || digits.Any(c => c is < '0' or > '9'))
        {
            return false;
        }

        return digits[11] - '0' == CheckDigit(digits[..11]);
    }

    /// <summary>The check digit of the first 11 digits.</summary>
    public static int CheckDigit(string first11)
    {
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = first11[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /// <summary>********1234: only the last four digits shown.</summary>
    public static string Mask(string digits) => digits.Length <= 4 ? new string('*', digits.Length) : new string('*', digits.Length - 4) + digits[^4..];
}
