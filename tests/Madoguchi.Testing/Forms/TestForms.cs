using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Versions;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Testing.Forms;

/// <summary>A small form that uses the journey's moving parts: a name, a date, a fee, a condition, a repeating group, consent.</summary>
public static class TestForms
{
    public const string Slug = "juminhyo-copy";

    public const string Definition = """
    {
      "steps": [
        {
          "id": "applicant",
          "title": { "ja": "申請者", "en": "Applicant" },
          "fields": [
            { "id": "applicantName", "type": "japaneseName", "label": { "ja": "氏名", "en": "Name" }, "required": true },
            { "id": "dateOfBirth", "type": "date", "label": { "ja": "生年月日", "en": "Date of birth" }, "required": true, "dateStyle": "wareki", "dateRule": "notFuture" },
            { "id": "email", "type": "email", "label": { "ja": "メールアドレス", "en": "Email" }, "required": true }
          ]
        },
        {
          "id": "request",
          "title": { "ja": "請求の内容", "en": "What you need" },
          "fields": [
            { "id": "copies", "type": "number", "label": { "ja": "通数", "en": "Copies" }, "required": true, "min": 1, "max": 10 },
            { "id": "purpose", "type": "choice", "label": { "ja": "使いみち", "en": "Purpose" }, "required": true,
              "options": [ { "value": "work", "label": { "ja": "勤務先に提出", "en": "For my employer" } }, { "value": "other", "label": { "ja": "その他", "en": "Other" } } ] },
            { "id": "purposeOther", "type": "text", "label": { "ja": "その他の使いみち", "en": "Other purpose" }, "required": true, "maxLength": 50,
              "showIf": { "field": "purpose", "equalTo": "other" } }
          ]
        },
        {
          "id": "household",
          "title": { "ja": "記載する世帯員", "en": "Household members to include" },
          "fields": [
            { "id": "members", "type": "group", "label": { "ja": "世帯員", "en": "Members" }, "itemLabel": { "ja": "世帯員", "en": "Member" }, "minItems": 0, "maxItems": 3,
              "fields": [
                { "id": "memberName", "type": "text", "label": { "ja": "氏名", "en": "Name" }, "required": true, "maxLength": 40 },
                { "id": "relation", "type": "choice", "label": { "ja": "続柄", "en": "Relationship" }, "required": true,
                  "options": [ { "value": "spouse", "label": { "ja": "配偶者", "en": "Spouse" } }, { "value": "child", "label": { "ja": "子", "en": "Child" } } ] }
              ] }
          ]
        },
        {
          "id": "declaration",
          "title": { "ja": "確認事項", "en": "Declaration" },
          "fields": [
            { "id": "consent", "type": "consent", "label": { "ja": "記載内容に誤りがないことを確認しました", "en": "I confirm these answers are correct" }, "required": true }
          ]
        }
      ],
      "computed": [
        { "id": "fee", "label": { "ja": "手数料", "en": "Fee" }, "unit": { "ja": "円", "en": " yen" }, "isFee": true,
          "expression": { "multiply": [ { "field": "copies" }, { "value": 300 } ] } }
      ]
    }
    """;

    /// <summary>Answers that satisfy <see cref="Definition"/>.</summary>
    public static string ValidAnswers(string family = "武蔵野") => $$"""
    {
      "applicantName": { "family": "{{family}}", "given": "太郎", "familyKana": "ムサシノ", "givenKana": "タロウ" },
      "dateOfBirth": "1990-04-01",
      "email": "taro@example.jp",
      "copies": 2,
      "purpose": "work",
      "members": [ { "memberName": "武蔵野 花子", "relation": "spouse" } ],
      "consent": true
    }
    """;

    /// <summary>Publishes <paramref name="json"/> as the next version of the procedure's form; returns its number.</summary>
    public static Task<int> PublishAsync(MadoguchiApp app, string json = Definition, string slug = Slug) =>
        app.InOrganizationAsync("MSN", async (db, services) =>
        {
            var procedure = await services.GetRequiredService<IProcedureCatalog>().FindAsync(slug, CancellationToken.None)
                ?? throw new InvalidOperationException($"No procedure {slug}.");
            var number = 1 + (await db.Set<FormVersion>().Where(v => v.ProcedureId == procedure.Id).MaxAsync(v => (int?)v.Number) ?? 0);
            var version = FormVersion.CreateDraft(procedure.Id, number, FormDefinition.Parse(json), DateTime.UtcNow);
            version.Publish("test", DateTime.UtcNow);
            db.Add(version);
            await db.SaveChangesAsync();
            return number;
        });
}
