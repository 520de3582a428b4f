using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Forms.Engine;

/// <summary>A rich definition with every field type, conditions on the same and earlier steps, a group and a rule.</summary>
internal static class TestForms
{
    public const string RichJson = """
    {
      "steps": [
        {
          "id": "applicant",
          "title": { "ja": "申請者", "en": "Applicant" },
          "fields": [
            { "id": "name", "type": "japaneseName", "label": { "ja": "氏名", "en": "Name" }, "required": true, "prefill": "name" },
            { "id": "dateOfBirth", "type": "date", "label": { "ja": "生年月日", "en": "Date of birth" }, "required": true, "dateStyle": "wareki", "dateRule": "notFuture" },
            { "id": "phone", "type": "phone", "label": { "ja": "電話番号", "en": "Phone number" }, "required": true },
            { "id": "email", "type": "email", "label": { "ja": "メールアドレス", "en": "Email address" } },
            { "id": "address", "type": "address", "label": { "ja": "住所", "en": "Address" }, "required": true }
          ]
        },
        {
          "id": "request",
          "title": { "ja": "請求の内容", "en": "What you need" },
          "fields": [
            { "id": "kind", "type": "choice", "label": { "ja": "請求者", "en": "Who is asking" }, "required": true,
              "options": [
                { "value": "self", "label": { "ja": "本人", "en": "Myself" } },
                { "value": "household", "label": { "ja": "同じ世帯の人", "en": "Someone in my household" } },
                { "value": "proxy", "label": { "ja": "代理人", "en": "A representative" } } ] },
            { "id": "copies", "type": "number", "label": { "ja": "通数", "en": "Copies" }, "required": true, "min": 1, "max": 10, "unit": { "ja": "通", "en": "copies" } },
            { "id": "purpose", "type": "choice", "display": "select", "label": { "ja": "使いみち", "en": "Purpose" },
              "options": [
                { "value": "work", "label": { "ja": "勤務先に提出", "en": "For my employer" } },
                { "value": "school", "label": { "ja": "学校に提出", "en": "For a school" } },
                { "value": "other", "label": { "ja": "その他", "en": "Other" } } ] },
            { "id": "purposeOther", "type": "text", "label": { "ja": "その他の使いみち", "en": "Other purpose" }, "required": true, "maxLength": 20,
              "showIf": { "field": "purpose", "equalTo": "other" } },
            { "id": "proxyRelation", "type": "text", "label": { "ja": "本人との関係", "en": "Relationship to the person" }, "required": true,
              "showIf": { "field": "kind", "equalTo": "proxy" } },
            { "id": "includes", "type": "multiChoice", "label": { "ja": "記載事項", "en": "Include" },
              "options": [
                { "value": "history", "label": { "ja": "前住所", "en": "Previous address" } },
                { "value": "relationship", "label": { "ja": "続柄", "en": "Relationship" } },
                { "value": "myNumber", "label": { "ja": "個人番号", "en": "My Number" } } ] },
            { "id": "myNumber", "type": "myNumber", "label": { "ja": "個人番号", "en": "My Number" }, "required": true,
              "showIf": { "field": "includes", "contains": "myNumber" } },
            { "id": "note", "type": "longText", "label": { "ja": "連絡事項", "en": "Notes" }, "maxLength": 100 },
            { "id": "weight", "type": "number", "label": { "ja": "重さ", "en": "Weight" }, "decimals": 1, "min": 0, "max": 100 }
          ]
        },
        {
          "id": "household",
          "title": { "ja": "世帯員", "en": "Household" },
          "showIf": { "field": "kind", "in": ["household", "proxy"] },
          "fields": [
            { "id": "members", "type": "group", "label": { "ja": "世帯員", "en": "Household members" }, "required": true, "minItems": 1, "maxItems": 3,
              "itemLabel": { "ja": "世帯員", "en": "Member" },
              "fields": [
                { "id": "name", "type": "japaneseName", "label": { "ja": "氏名", "en": "Name" }, "required": true },
                { "id": "relation", "type": "choice", "label": { "ja": "続柄", "en": "Relationship" }, "required": true,
                  "options": [
                    { "value": "spouse", "label": { "ja": "配偶者", "en": "Spouse" } },
                    { "value": "child", "label": { "ja": "子", "en": "Child" } },
                    { "value": "other", "label": { "ja": "その他", "en": "Other" } } ] },
                { "id": "relationOther", "type": "text", "label": { "ja": "続柄（その他）", "en": "Relationship (other)" }, "required": true,
                  "showIf": { "field": "relation", "equalTo": "other" } },
                { "id": "birthDate", "type": "date", "label": { "ja": "生年月日", "en": "Date of birth" }, "dateRule": "notFuture" },
                { "id": "proxyNote", "type": "text", "label": { "ja": "代理人への連絡", "en": "Note for the representative" },
                  "showIf": { "field": "kind", "equalTo": "proxy" } }
              ] }
          ]
        },
        {
          "id": "documents",
          "title": { "ja": "書類と受け取り", "en": "Documents and delivery" },
          "fields": [
            { "id": "idDocument", "type": "file", "label": { "ja": "本人確認書類", "en": "Proof of identity" }, "required": true,
              "accept": ["application/pdf", "image/jpeg", "image/png"], "maxSizeKb": 2048 },
            { "id": "proxyLetter", "type": "file", "label": { "ja": "委任状", "en": "Letter of proxy" }, "required": true,
              "accept": ["application/pdf"], "showIf": { "field": "kind", "equalTo": "proxy" } },
            { "id": "deliveryDate", "type": "date", "label": { "ja": "受け取り希望日", "en": "Preferred delivery date" }, "dateRule": "notPast" },
            { "id": "deliveryPostalCode", "type": "postalCode", "label": { "ja": "送付先の郵便番号", "en": "Delivery postcode" } },
            { "id": "reference", "type": "text", "label": { "ja": "整理番号", "en": "Reference" }, "pattern": "[A-Z]{2}[0-9]{4}",
              "patternMessage": { "ja": "整理番号は英大文字2文字と数字4桁で入力してください（例：AB1234）", "en": "Enter the reference as two capital letters and four digits, for example AB1234" } }
          ]
        },
        {
          "id": "confirm",
          "title": { "ja": "確認", "en": "Confirm" },
          "fields": [
            { "id": "agree", "type": "consent", "label": { "ja": "記載内容が正しいこと", "en": "That these answers are true" }, "required": true }
          ]
        }
      ],
      "computed": [
        { "id": "fee", "label": { "ja": "手数料", "en": "Fee" }, "isFee": true, "unit": { "ja": "円", "en": "yen" },
          "expression": { "sum": [
            { "multiply": [ { "field": "copies" }, { "value": 300 } ] },
            { "if": { "field": "kind", "equalTo": "proxy" }, "then": { "value": 100 }, "else": { "value": 0 } } ] } },
        { "id": "people", "label": { "ja": "世帯員数", "en": "Members" }, "expression": { "count": "members" } }
      ],
      "rules": [
        { "id": "delivery-needs-postcode", "field": "deliveryPostalCode",
          "when": { "field": "deliveryDate", "isAnswered": true },
          "require": { "field": "deliveryPostalCode", "isAnswered": true },
          "message": { "ja": "受け取り希望日を指定したときは、送付先の郵便番号を入力してください", "en": "Enter the delivery postcode when you choose a delivery date" } }
      ]
    }
    """;

    public static FormDefinition Rich { get; } = FormDefinition.Parse(RichJson);

    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly Dictionary<string, UploadInfo> Uploads = new(StringComparer.Ordinal)
    {
        ["up-pdf"] = new("up-pdf", "免許証.pdf", "application/pdf", 100_000),
        ["up-png"] = new("up-png", "photo.png", "image/png", 200_000),
        ["up-big"] = new("up-big", "scan.pdf", "application/pdf", 3_000_000),
        ["up-gif"] = new("up-gif", "anim.gif", "image/gif", 1000),
    };

    public static FormContext Context { get; } = new(Today) { FindUpload = id => Uploads.GetValueOrDefault(id) };

    /// <summary>A complete valid answer set for <see cref="Rich"/> (kind = self, so the household step is hidden).</summary>
    public static JsonObject ValidAnswers() => JsonNode.Parse("""
    {
      "name": { "family": "武蔵野", "given": "太郎", "familyKana": "ムサシノ", "givenKana": "タロウ" },
      "dateOfBirth": "1990-04-01",
      "phone": "0422-51-5131",
      "email": "taro@example.jp",
      "address": { "postalCode": "180-0001", "address": "東京都武蔵野市吉祥寺北町1-2-3", "building": "" },
      "kind": "self",
      "copies": 2,
      "agree": true,
      "idDocument": "up-pdf"
    }
    """)!.AsObject();
}
