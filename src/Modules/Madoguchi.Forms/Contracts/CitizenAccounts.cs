using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Microsoft.AspNetCore.Http;

namespace Madoguchi.Forms.Contracts;

/// <summary>
/// 住民アカウント's profile as the forms module uses it for once-only prefill (ADR 0011). Every part is
/// optional except the email address the citizen signed in with.
/// </summary>
public sealed record CitizenProfile(Guid AccountId, string Email)
{
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public string? PostalCode { get; init; }
    public string? Address { get; init; }
    public string? Building { get; init; }
    public string? Phone { get; init; }

    /// <summary>Case notices only in the account's page (お知らせ), never by email (the receipt email still goes).</summary>
    public bool InAppOnly { get; init; }
}

/// <summary>The signed-in citizen of a request, offered by the accounts module (absent when it is not loaded).</summary>
public interface ICitizenSession
{
    /// <summary>The signed-in citizen's account id (no profile read), or null when nobody is signed in.</summary>
    Task<Guid?> AccountIdAsync(HttpContext http);

    /// <summary>The signed-in citizen's profile (its read is audited by the implementation), or null when nobody is signed in.</summary>
    Task<CitizenProfile?> CurrentAsync(HttpContext http, string purpose, CancellationToken cancellationToken);

    /// <summary>Whether an account wants its case notices in the app only (no email); false for an unknown account.</summary>
    Task<bool> InAppOnlyAsync(Guid accountId, CancellationToken cancellationToken);
}

/// <summary>One of a citizen's applications: a draft in progress or a submission (implemented by the forms module).</summary>
public sealed record CitizenApplication(
    string ProcedureSlug,
    DateTime LastActivityAt,
    Guid? SubmissionId,
    string? ReceiptNumber,
    DateTime? SubmittedAt,
    string? StatusToken);

/// <summary>A citizen account's drafts and submissions, newest first (implemented by the forms module).</summary>
public interface ICitizenApplications
{
    Task<IReadOnlyList<CitizenApplication>> ForAccountAsync(Guid accountId, CancellationToken cancellationToken);
}

/// <summary>A notice about an application, as the citizen's page shows it.</summary>
public sealed record CitizenNotice(Guid SubmissionId, string Kind, DateTime SentAt, string Channel, string Subject, string Body);

/// <summary>The notices sent about these submissions, newest first (implemented by the cases module).</summary>
public interface ICitizenNotices
{
    Task<IReadOnlyList<CitizenNotice>> ForSubmissionsAsync(IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken);
}

/// <summary>One error of a profile field: the field (<c>name.familyKana</c>, <c>address.postalCode</c>, <c>phone</c>) and the message.</summary>
public sealed record ProfileFieldError(string Field, string MessageJa, string MessageEn);

/// <summary>
/// Checks a profile with the same validators as the form fields it will fill (氏名とフリガナ with the
/// カタカナ check, 住所 with 郵便番号, 電話番号), so a profile that passes here prefills answers that pass
/// there. Returns the normalised profile (hiragana readings as katakana, postal codes as 180-0001).
/// </summary>
public static class CitizenProfileCheck
{
    private static readonly FormDefinition Definition = new()
    {
        Steps =
        [
            new FormStep
            {
                Id = "profile",
                Title = new LocalizedText("プロフィール", "Profile"),
                Fields =
                [
                    new FormField { Id = "name", Type = FieldType.JapaneseName, Label = new LocalizedText("氏名", "your name") },
                    new FormField { Id = "address", Type = FieldType.Address, Label = new LocalizedText("住所", "your address") },
                    new FormField { Id = "phone", Type = FieldType.Phone, Label = new LocalizedText("電話番号", "your phone number") },
                ],
            },
        ],
    };

    public static (CitizenProfile Profile, IReadOnlyList<ProfileFieldError> Errors) Check(CitizenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var answers = new JsonObject();
        var name = new JsonObject();
        Put(name, "family", profile.FamilyName);
        Put(name, "given", profile.GivenName);
        Put(name, "familyKana", profile.FamilyNameKana);
        Put(name, "givenKana", profile.GivenNameKana);
        if (name.Count > 0)
        {
            answers["name"] = name;
        }

        var address = new JsonObject();
        Put(address, "postalCode", profile.PostalCode);
        Put(address, "address", profile.Address);
        Put(address, "building", profile.Building);
        if (address.Count > 0)
        {
            answers["address"] = address;
        }

        Put(answers, "phone", profile.Phone);
        var context = new FormContext(DateOnly.FromDateTime(DateTime.UtcNow));
        var validation = FormEngine.Validate(Definition, answers, context);
        var errors = validation.Errors.Select(e => new ProfileFieldError(e.Path, e.MessageJa, e.MessageEn)).ToList();
        if (errors.Count > 0)
        {
            return (profile, errors);
        }

        var clean = FormEngine.Clean(Definition, answers);
        return (profile with
        {
            FamilyName = Get(clean["name"], "family"),
            GivenName = Get(clean["name"], "given"),
            FamilyNameKana = Get(clean["name"], "familyKana"),
            GivenNameKana = Get(clean["name"], "givenKana"),
            PostalCode = Get(clean["address"], "postalCode"),
            Address = Get(clean["address"], "address"),
            Building = Get(clean["address"], "building"),
            Phone = clean["phone"]?.GetValue<string>(),
        }, errors);
    }

    /// <summary>
    /// The answers a new draft starts with: every top-level field whose <c>prefill</c> names something
    /// the profile knows (name, address, phone, email; a 郵便番号 field asking for the address's postal
    /// code) and whose type can hold it. The citizen changes them on the form pages like any answer.
    /// </summary>
    public static JsonObject Prefill(FormDefinition definition, CitizenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(profile);
        var answers = new JsonObject();
        foreach (var field in definition.AllFields())
        {
            if (field.Prefill is not { } meaning || answers.ContainsKey(field.Id))
            {
                continue;
            }

            JsonNode? value = (meaning, field.Type) switch
            {
                ("name", FieldType.JapaneseName) => Object(("family", profile.FamilyName), ("given", profile.GivenName), ("familyKana", profile.FamilyNameKana), ("givenKana", profile.GivenNameKana)),
                ("name", FieldType.Text) when profile.FamilyName is not null => JsonValue.Create($"{profile.FamilyName} {profile.GivenName}".Trim()),
                ("address", FieldType.Address) => Object(("postalCode", profile.PostalCode), ("address", profile.Address), ("building", profile.Building)),
                ("address", FieldType.PostalCode) or ("postalCode", FieldType.PostalCode) when profile.PostalCode is not null => JsonValue.Create(profile.PostalCode),
                ("address", FieldType.Text or FieldType.LongText) when profile.Address is not null => JsonValue.Create($"{profile.Address} {profile.Building}".Trim()),
                ("phone", FieldType.Phone or FieldType.Text) when profile.Phone is not null => JsonValue.Create(profile.Phone),
                ("email", FieldType.Email or FieldType.Text) => JsonValue.Create(profile.Email),
                _ => null,
            };
            if (value is not null)
            {
                answers[field.Id] = value;
            }
        }

        return answers;
    }

    private static JsonObject? Object(params (string Key, string? Value)[] parts)
    {
        var result = new JsonObject();
        foreach (var (key, value) in parts)
        {
            Put(result, key, value);
        }

        return result.Count == 0 ? null : result;
    }

    private static void Put(JsonObject target, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[key] = value;
        }
    }

    private static string? Get(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
