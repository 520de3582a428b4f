using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Forms.Engine;

public sealed class FormEngineTests
{
    private static readonly FormDefinition Form = TestForms.Rich;

    private static JsonObject With(string json)
    {
        var answers = TestForms.ValidAnswers();
        foreach (var (key, value) in JsonNode.Parse(json)!.AsObject())
        {
            answers[key] = value?.DeepClone();
        }

        return answers;
    }

    private static FormValidationResult Validate(JsonObject answers) => FormEngine.Validate(Form, answers, TestForms.Context);

    private static FieldError ErrorAt(FormValidationResult result, string path) =>
        Assert.Single(result.Errors, e => e.Path == path);

    [Fact]
    public void ValidAnswers_AreValid()
    {
        var result = Validate(TestForms.ValidAnswers());
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Path}: {e.MessageJa}")));
    }

    [Fact]
    public void VisibleSteps_SkipTheHouseholdStepUnlessAskingForTheHousehold()
    {
        Assert.Equal(["applicant", "request", "documents", "confirm"], FormEngine.VisibleSteps(Form, TestForms.ValidAnswers()).Select(s => s.Id));
        Assert.Equal(["applicant", "request", "household", "documents", "confirm"], FormEngine.VisibleSteps(Form, With("""{ "kind": "household" }""")).Select(s => s.Id));
    }

    [Fact]
    public void Conditions_EqualToInContainsIsAnsweredAllAnyNot()
    {
        var answers = JsonNode.Parse("""{ "kind": "proxy", "copies": 3, "includes": ["history", "myNumber"], "email": "" }""")!.AsObject();
        bool Eval(string condition) => FormEngine.IsVisible(new FormField
        {
            Id = "x",
            Type = FieldType.Text,
            Label = new("x"),
            ShowIf = System.Text.Json.JsonSerializer.Deserialize<Condition>(condition, FormDefinition.Json),
        }, answers);

        Assert.True(Eval("""{ "field": "kind", "equalTo": "proxy" }"""));
        Assert.False(Eval("""{ "field": "kind", "equalTo": "self" }"""));
        Assert.True(Eval("""{ "field": "copies", "equalTo": 3 }"""));
        Assert.False(Eval("""{ "field": "copies", "equalTo": "3" }"""));
        Assert.True(Eval("""{ "field": "kind", "in": ["household", "proxy"] }"""));
        Assert.True(Eval("""{ "field": "includes", "contains": "myNumber" }"""));
        Assert.False(Eval("""{ "field": "includes", "contains": "relationship" }"""));
        Assert.False(Eval("""{ "field": "email", "isAnswered": true }"""));
        Assert.True(Eval("""{ "field": "missing", "isAnswered": false }"""));
        Assert.True(Eval("""{ "all": [ { "field": "kind", "equalTo": "proxy" }, { "field": "copies", "equalTo": 3 } ] }"""));
        Assert.False(Eval("""{ "all": [ { "field": "kind", "equalTo": "proxy" }, { "field": "copies", "equalTo": 4 } ] }"""));
        Assert.True(Eval("""{ "any": [ { "field": "kind", "equalTo": "self" }, { "field": "copies", "equalTo": 3 } ] }"""));
        Assert.True(Eval("""{ "not": { "field": "kind", "equalTo": "self" } }"""));
    }

    [Fact]
    public void HidingAField_HidesFieldsThatDependOnIt_AndItsStaleAnswerIsIgnored()
    {
        // myNumber depends on includes; includes is on a visible step, so a stale "purposeOther" under purpose=work is ignored.
        var answers = With("""{ "purpose": "work", "purposeOther": "", "includes": ["history"], "myNumber": "garbage" }""");
        Assert.True(Validate(answers).IsValid);
        var cleaned = FormEngine.Clean(Form, answers);
        Assert.False(cleaned.ContainsKey("myNumber"));
        Assert.False(cleaned.ContainsKey("purposeOther"));

        // A field whose step is hidden counts as unanswered in conditions: kind=self hides the household step.
        var chained = new FormDefinition
        {
            Steps =
            [
                new FormStep { Id = "a", Title = new("A"), Fields = [new FormField { Id = "p", Type = FieldType.Choice, Label = new("P"), Options = [new("y", new("Y")), new("n", new("N"))] }] },
                new FormStep { Id = "b", Title = new("B"), ShowIf = new Condition { Field = "p", EqualTo = "y" }, Fields = [new FormField { Id = "q", Type = FieldType.Text, Label = new("Q") }] },
                new FormStep { Id = "c", Title = new("C"), Fields = [new FormField { Id = "r", Type = FieldType.Text, Label = new("R"), Required = true, ShowIf = new Condition { Field = "q", IsAnswered = true } }] },
            ],
        };
        var stale = JsonNode.Parse("""{ "p": "n", "q": "old answer" }""")!.AsObject();
        Assert.True(FormEngine.Validate(chained, stale, TestForms.Context).IsValid);
        Assert.False(FormEngine.IsVisible(chained, chained.Steps[2].Fields[0], stale));
        Assert.True(FormEngine.IsVisible(chained, chained.Steps[2].Fields[0], JsonNode.Parse("""{ "p": "y", "q": "x" }""")!.AsObject()));
    }

    [Fact]
    public void GroupConditions_NameASiblingFirstThenATopLevelField()
    {
        var answers = With("""
        { "kind": "household", "members": [
            { "name": { "family": "武蔵野", "given": "花子", "familyKana": "ムサシノ", "givenKana": "ハナコ" }, "relation": "spouse" },
            { "name": { "family": "武蔵野", "given": "一郎", "familyKana": "ムサシノ", "givenKana": "イチロウ" }, "relation": "other", "proxyNote": "x" } ] }
        """);
        var result = Validate(answers);
        var error = ErrorAt(result, "members[1].relationOther");
        Assert.Equal(FieldErrorCodes.Required, error.Code);
        Assert.DoesNotContain(result.Errors, e => e.Path == "members[0].relationOther");

        // proxyNote refers to the top-level "kind" (no sibling has that id): hidden for kind=household, so cleaned away.
        var cleaned = FormEngine.Clean(Form, answers);
        Assert.False(cleaned["members"]![1]!.AsObject().ContainsKey("proxyNote"));
        var proxy = FormEngine.Clean(Form, With("""{ "kind": "proxy", "members": [ { "relation": "child", "proxyNote": "夕方に連絡" } ] }"""));
        Assert.Equal("夕方に連絡", (string?)proxy["members"]![0]!["proxyNote"]);
    }

    [Fact]
    public void Required_SaysWhatToDo_InJapaneseAndEnglish()
    {
        var answers = TestForms.ValidAnswers();
        answers.Remove("kind");
        answers["phone"] = "   ";
        answers.Remove("agree");
        var result = Validate(answers);
        Assert.Equal("請求者を選んでください", ErrorAt(result, "kind").MessageJa);
        Assert.Equal("Select Who is asking", ErrorAt(result, "kind").MessageEn);
        Assert.Equal("電話番号を入力してください", ErrorAt(result, "phone").MessageJa);
        Assert.Contains("チェックを入れてください", ErrorAt(result, "agree").MessageJa, StringComparison.Ordinal);
        Assert.Equal(["agree", "kind", "phone"], result.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void ConditionalRequired_OnlyWhenShown()
    {
        Assert.True(Validate(With("""{ "purpose": "work" }""")).IsValid);
        Assert.Equal(FieldErrorCodes.Required, ErrorAt(Validate(With("""{ "purpose": "other" }""")), "purposeOther").Code);
    }

    [Theory]
    [InlineData("𠮷野家𠮷野家𠮷野家𠮷野家𠮷野家𠮷野家𠮷野", true)] // 20 characters, 7 of them surrogate pairs
    [InlineData("葛󠄀城葛󠄀城葛󠄀城葛󠄀城葛󠄀城葛󠄀城葛󠄀城", true)] // 14 characters, 7 with an ideographic variation selector
    [InlineData("ああああああああああああああああああああ", true)]
    [InlineData("あああああああああああああああああああああ", false)] // 21
    public void Text_MaxLength_CountsCharactersAsPeopleDo(string text, bool valid)
    {
        var result = Validate(With($$"""{ "purpose": "other", "purposeOther": "{{text}}" }"""));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("その他の使いみちは20文字以内で入力してください（いまは21文字です）", ErrorAt(result, "purposeOther").MessageJa);
        }
    }

    [Fact]
    public void Text_RefusesControlCharactersAndBrokenSurrogates_LongTextAllowsNewlinesAndEmoji()
    {
        Assert.Equal(FieldErrorCodes.ControlCharacters, ErrorAt(Validate(With("""{ "purpose": "other", "purposeOther": "a\u0007b" }""")), "purposeOther").Code);
        Assert.Equal(FieldErrorCodes.ControlCharacters, ErrorAt(Validate(With("""{ "purpose": "other", "purposeOther": "a\nb" }""")), "purposeOther").Code);
        Assert.Equal(FieldErrorCodes.InvalidCharacters, ErrorAt(Validate(With("""{ "purpose": "other", "purposeOther": "a\ud800b" }""")), "purposeOther").Code);
        Assert.True(Validate(With("""{ "note": "午前中は不在です。\r\n\t😀よろしく" }""")).IsValid);
        Assert.Equal(FieldErrorCodes.ControlCharacters, ErrorAt(Validate(With("""{ "note": "a\u0000" }""")), "note").Code);
    }

    [Fact]
    public void Text_Pattern_UsesTheDefinitionsMessage()
    {
        Assert.True(Validate(With("""{ "reference": "AB1234" }""")).IsValid);
        var error = ErrorAt(Validate(With("""{ "reference": "ab1234" }""")), "reference");
        Assert.Equal("整理番号は英大文字2文字と数字4桁で入力してください（例：AB1234）", error.MessageJa);
        Assert.Equal(FieldErrorCodes.Pattern, error.Code);
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("\"3\"", true)]
    [InlineData("\"３\"", true)]
    [InlineData("\" 10 \"", true)]
    [InlineData("3.0", true)]
    [InlineData("\"abc\"", false)]
    [InlineData("1.5", false)]
    [InlineData("0", false)]
    [InlineData("11", false)]
    [InlineData("true", false)]
    [InlineData("{}", false)]
    [InlineData("1e300", false)]
    public void Number_AcceptsDigitStringsAndFullWidth_ChecksIntegerAndBounds(string json, bool valid)
    {
        var result = Validate(With($$"""{ "copies": {{json}} }"""));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Single(result.Errors, e => e.Path == "copies");
        }
    }

    [Fact]
    public void Number_MessagesSayTheRange()
    {
        Assert.Equal("通数は1通から10通までの数で入力してください", ErrorAt(Validate(With("""{ "copies": 11 }""")), "copies").MessageJa);
        Assert.Equal("Copies must be between 1 copies and 10 copies", ErrorAt(Validate(With("""{ "copies": 0 }""")), "copies").MessageEn);
        Assert.Equal(FieldErrorCodes.TooManyDecimals, ErrorAt(Validate(With("""{ "weight": 1.25 }""")), "weight").Code);
        Assert.True(Validate(With("""{ "weight": "１２.５" }""")).IsValid);
    }

    [Theory]
    [InlineData("1990-04-01", null)]
    [InlineData("1990/4/1", null)]
    [InlineData("１９９０年４月１日", null)]
    [InlineData("平成2年4月1日", null)]
    [InlineData("H2.4.1", null)]
    [InlineData("令和元年5月1日", null)]
    [InlineData("2026-11-25", null)]
    [InlineData("2026-11-26", FieldErrorCodes.DateInFuture)]
    [InlineData("2026-02-30", FieldErrorCodes.InvalidDate)]
    [InlineData("平成32年1月1日", FieldErrorCodes.InvalidDate)]
    [InlineData("平成31年5月1日", FieldErrorCodes.InvalidDate)]
    [InlineData("yesterday", FieldErrorCodes.InvalidDate)]
    public void Date_CalendarDateWarekiAndNotFuture(string text, string? code)
    {
        var result = Validate(With($$"""{ "dateOfBirth": "{{text}}" }"""));
        if (code is null)
        {
            Assert.True(result.IsValid, string.Join(", ", result.Errors.Select(e => e.MessageJa)));
        }
        else
        {
            Assert.Equal(code, ErrorAt(result, "dateOfBirth").Code);
        }
    }

    [Fact]
    public void Date_NotPast()
    {
        Assert.Equal(FieldErrorCodes.DateInPast, ErrorAt(Validate(With("""{ "deliveryDate": "2026-11-24", "deliveryPostalCode": "1800001" }""")), "deliveryDate").Code);
        Assert.True(Validate(With("""{ "deliveryDate": "2026-11-25", "deliveryPostalCode": "1800001" }""")).IsValid);
    }

    [Fact]
    public void Choices_MustBeOptions()
    {
        Assert.Equal(FieldErrorCodes.NotAnOption, ErrorAt(Validate(With("""{ "kind": "boss" }""")), "kind").Code);
        Assert.Equal(FieldErrorCodes.NotAnOption, ErrorAt(Validate(With("""{ "includes": ["history", "shoe size"] }""")), "includes").Code);
        Assert.Equal(FieldErrorCodes.NotAnOption, ErrorAt(Validate(With("""{ "includes": [1] }""")), "includes").Code);
        Assert.True(Validate(With("""{ "includes": ["history", "relationship"] }""")).IsValid);
    }

    [Fact]
    public void Name_NeedsAllFourParts_KanaInKatakana_HiraganaBecomesKatakana()
    {
        var result = Validate(With("""{ "name": { "family": "武蔵野", "given": "", "familyKana": "Musashino", "givenKana": "たろう" } }"""));
        Assert.Equal("氏名の名を入力してください", ErrorAt(result, "name.given").MessageJa);
        var kana = ErrorAt(result, "name.familyKana");
        Assert.Equal("氏名の姓のフリガナは全角カタカナで入力してください（例：ムサシノ）", kana.MessageJa);
        Assert.Equal("Enter the reading of the family name in katakana, for example ムサシノ", kana.MessageEn);
        Assert.Equal(2, result.Errors.Count);

        var ok = With("""{ "name": { "family": "𠮷田", "given": "ヴィクトリア", "familyKana": "よしだ", "givenKana": "ｳﾞｨｸﾄﾘｱ" } }""");
        Assert.True(Validate(ok).IsValid);
        var cleaned = FormEngine.Clean(Form, ok);
        Assert.Equal("ヨシダ", (string?)cleaned["name"]!["familyKana"]);
        Assert.Equal("ヴィクトリア", (string?)cleaned["name"]!["givenKana"]);
        Assert.Equal("𠮷田", (string?)cleaned["name"]!["family"]);
    }

    [Fact]
    public void Name_RefusesEmoji()
    {
        var error = ErrorAt(Validate(With("""{ "name": { "family": "武蔵野😀", "given": "太郎", "familyKana": "ムサシノ", "givenKana": "タロウ" } }""")), "name.family");
        Assert.Equal(FieldErrorCodes.Emoji, error.Code);
    }

    [Theory]
    [InlineData("180-0001", true)]
    [InlineData("1800001", true)]
    [InlineData("１８０－０００１", true)]
    [InlineData("〒180-0001", true)]
    [InlineData("180-001", false)]
    [InlineData("abc-defg", false)]
    public void PostalCode_SevenDigits(string text, bool valid)
    {
        Assert.Equal(valid, Validate(With($$"""{ "deliveryPostalCode": "{{text}}" }""")).IsValid);
        if (valid)
        {
            Assert.Equal("180-0001", (string?)FormEngine.Clean(Form, With($$"""{ "deliveryPostalCode": "{{text}}" }"""))["deliveryPostalCode"]);
        }
    }

    [Fact]
    public void Address_NeedsPostalCodeAndAddress()
    {
        var result = Validate(With("""{ "address": { "postalCode": "18", "address": " ", "building": "ムサシノハイツ101" } }"""));
        Assert.Equal(FieldErrorCodes.InvalidPostalCode, ErrorAt(result, "address.postalCode").Code);
        Assert.Equal(FieldErrorCodes.Required, ErrorAt(result, "address.address").Code);
        Assert.Equal(FieldErrorCodes.InvalidShape, ErrorAt(Validate(With("""{ "address": "東京都武蔵野市" }""")), "address").Code);
    }

    [Theory]
    [InlineData("0422-51-5131", true)]
    [InlineData("0422515131", true)]
    [InlineData("090-1234-5678", true)]
    [InlineData("０９０１２３４５６７８", true)]
    [InlineData("12345", false)]
    [InlineData("090-1234-56789", false)]
    [InlineData("1422515131", false)]
    [InlineData("0422-51-513a", false)]
    public void Phone_TenOrElevenDigits(string text, bool valid) =>
        Assert.Equal(valid, Validate(With($$"""{ "phone": "{{text}}" }""")).IsValid);

    [Theory]
    [InlineData("taro@example.jp", true)]
    [InlineData("taro.musashino+forms@city.musashino.lg.jp", true)]
    [InlineData("taro@example", false)]
    [InlineData("taro example@example.jp", false)]
    [InlineData("@example.jp", false)]
    [InlineData("taro@@example.jp", false)]
    public void Email_PracticalCheck(string text, bool valid) =>
        Assert.Equal(valid, Validate(With($$"""{ "email": "{{text}}" }""")).IsValid);

    [Fact]
    public void Consent_MustBeTrue()
    {
        Assert.Equal(FieldErrorCodes.Required, ErrorAt(Validate(With("""{ "agree": false }""")), "agree").Code);
        Assert.Equal(FieldErrorCodes.Required, ErrorAt(Validate(With("""{ "agree": "no" }""")), "agree").Code);
    }

    [Fact]
    public void MyNumber_CheckDigit_MessageNeverEchoesTheValue()
    {
        Assert.True(MyNumber.IsValid("123456789018"));
        Assert.False(MyNumber.IsValid("123456789012"));
        Assert.True(Validate(With("""{ "includes": ["myNumber"], "myNumber": "1234 5678 9018" }""")).IsValid);
        Assert.True(Validate(With("""{ "includes": ["myNumber"], "myNumber": "１２３４５６７８９０１８" }""")).IsValid);
        foreach (var wrong in (string[])["123456789012", "12345678901", "abcdefghijkl"])
        {
            var error = ErrorAt(Validate(With($$"""{ "includes": ["myNumber"], "myNumber": "{{wrong}}" }""")), "myNumber");
            Assert.DoesNotContain(wrong, error.MessageJa, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, error.MessageEn, StringComparison.Ordinal);
            Assert.DoesNotContain("5678", error.MessageJa + error.MessageEn, StringComparison.Ordinal);
        }

        Assert.Equal(FieldErrorCodes.MyNumberCheckDigit, ErrorAt(Validate(With("""{ "includes": ["myNumber"], "myNumber": "123456789012" }""")), "myNumber").Code);
    }

    [Theory]
    [InlineData("up-pdf", null)]
    [InlineData("up-png", null)]
    [InlineData("nope", FieldErrorCodes.UploadNotFound)]
    [InlineData("up-gif", FieldErrorCodes.FileType)]
    [InlineData("up-big", FieldErrorCodes.FileTooLarge)]
    public void File_MustExistBeAnAcceptedTypeAndSmallEnough(string id, string? code)
    {
        var result = Validate(With($$"""{ "idDocument": "{{id}}" }"""));
        if (code is null)
        {
            Assert.True(result.IsValid);
        }
        else
        {
            Assert.Equal(code, ErrorAt(result, "idDocument").Code);
        }
    }

    [Fact]
    public void File_MessagesNameTheTypesAndSize()
    {
        Assert.Equal("本人確認書類はPDF、JPEG、PNGのファイルを選んでください", ErrorAt(Validate(With("""{ "idDocument": "up-gif" }""")), "idDocument").MessageJa);
        Assert.Contains("2MB以下", ErrorAt(Validate(With("""{ "idDocument": "up-big" }""")), "idDocument").MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_ItemCountsAndNestedErrorPaths()
    {
        var result = Validate(With("""
        { "kind": "household", "members": [
            { "name": { "family": "武蔵野", "given": "花子", "familyKana": "ムサシノ", "givenKana": "ハナコ" }, "relation": "spouse" },
            { "name": { "family": "武蔵野", "given": "一郎", "familyKana": "musashino", "givenKana": "イチロウ" }, "relation": "child", "birthDate": "2030-01-01", "shoeSize": 23 },
            "not an object" ] }
        """));
        Assert.Equal(FieldErrorCodes.KanaNotKatakana, ErrorAt(result, "members[1].name.familyKana").Code);
        Assert.Equal(FieldErrorCodes.DateInFuture, ErrorAt(result, "members[1].birthDate").Code);
        Assert.Equal(FieldErrorCodes.UnknownField, ErrorAt(result, "members[1].shoeSize").Code);
        Assert.Equal(FieldErrorCodes.InvalidShape, ErrorAt(result, "members[2]").Code);

        Assert.Equal(FieldErrorCodes.Required, ErrorAt(Validate(With("""{ "kind": "household", "members": [] }""")), "members").Code);
        var tooMany = ErrorAt(Validate(With("""{ "kind": "household", "members": [{}, {}, {}, {}] }""")), "members");
        Assert.Equal(FieldErrorCodes.TooManyItems, tooMany.Code);
        Assert.Equal("世帯員は3件まで入力できます。1件削除してください", tooMany.MessageJa);
    }

    [Fact]
    public void UnknownKeys_AreErrorsInAWholeFormValidation()
    {
        var error = ErrorAt(Validate(With("""{ "shoeSize": 27 }""")), "shoeSize");
        Assert.Equal("この項目はフォームにありません。送信内容から削除してください", error.MessageJa);
        Assert.Equal(FieldErrorCodes.UnknownField, error.Code);
    }

    [Fact]
    public void CrossFieldRule_ShowsItsMessageOnItsField()
    {
        var error = ErrorAt(Validate(With("""{ "deliveryDate": "2026-12-01" }""")), "deliveryPostalCode");
        Assert.Equal("受け取り希望日を指定したときは、送付先の郵便番号を入力してください", error.MessageJa);
        Assert.Equal(FieldErrorCodes.Rule("delivery-needs-postcode"), error.Code);
        var documents = Form.FindStep("documents")!;
        Assert.Equal("deliveryPostalCode", Assert.Single(FormEngine.ValidateStep(Form, documents, With("""{ "deliveryDate": "2026-12-01" }"""), TestForms.Context).Errors).Path);
    }

    [Fact]
    public void ValidateStep_OnlyThatStepsFields()
    {
        var answers = new JsonObject { ["kind"] = "proxy", ["copies"] = "0" };
        var result = FormEngine.ValidateStep(Form, Form.FindStep("request")!, answers, TestForms.Context);
        Assert.Equal(["copies", "proxyRelation"], result.Errors.Select(e => e.Path).Order());
        Assert.True(FormEngine.ValidateStep(Form, Form.FindStep("household")!, TestForms.ValidAnswers(), TestForms.Context).IsValid);
    }

    public static TheoryData<string> Shapes() =>
    [
        "null", "\"text\"", "\"\"", "0", "-1", "1.5", "1e308", "true", "false", "[]", "[null]", "[1, \"a\", {}]", "{}", "{\"a\": {\"b\": [1]}}",
        "[[[[[[[[[[[]]]]]]]]]]]", "\"\\ud800\"", "\"\\u0000\"", "{\"family\": 1, \"given\": [], \"familyKana\": {}, \"givenKana\": null}",
        "{\"postalCode\": [\"1\"], \"address\": {\"x\": 1}}", "[{\"name\": \"x\", \"relation\": [1]}, 3, null]",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AnyJsonShape_InAnyField_GivesFieldErrorsAndNeverThrows(string json)
    {
        foreach (var field in Form.AllFields())
        {
            var answers = With("""{ "kind": "proxy", "includes": ["myNumber"] }""");
            answers[field.Id] = JsonNode.Parse(json);
            var result = Validate(answers);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.MessageJa)));
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.MessageEn)));
            _ = FormEngine.Clean(Form, answers);
            _ = FormEngine.Summarize(Form, answers, TestForms.Context);
            _ = FormEngine.Compute(Form, answers);
            foreach (var step in Form.Steps)
            {
                _ = FormEngine.ValidateStep(Form, step, answers, TestForms.Context);
            }
        }
    }

    [Fact]
    public void HugeArrays_AreRefusedQuickly()
    {
        var huge = new JsonArray([.. Enumerable.Range(0, 200_000).Select(i => (JsonNode)new JsonObject { ["relation"] = "child" })]);
        var answers = With("""{ "kind": "household" }""");
        answers["members"] = huge;
        answers["includes"] = new JsonArray([.. Enumerable.Range(0, 200_000).Select(i => (JsonNode)JsonValue.Create("history"))]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Validate(answers);
        Assert.Equal(FieldErrorCodes.TooManyItems, ErrorAt(result, "members").Code);
        Assert.Equal(FieldErrorCodes.NotAnOption, ErrorAt(result, "includes").Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Clean_DropsHiddenEmptyAndUnknown_AndNormalises()
    {
        var answers = With("""
        {
          "phone": "０４２２ー５１ー５１３１",
          "copies": "３",
          "dateOfBirth": "平成2年4月1日",
          "purpose": "work", "purposeOther": "left over",
          "note": "  ",
          "email": " taro@example.jp ",
          "address": { "postalCode": "１８０００２２", "address": " 東京都武蔵野市境1-1 ", "building": "" },
          "includes": ["history", "history"],
          "shoeSize": 27,
          "members": [ { "relation": "child" } ]
        }
        """);
        var cleaned = FormEngine.Clean(Form, answers);
        Assert.Equal("0422-51-5131", (string?)cleaned["phone"]);
        Assert.Equal("3", cleaned["copies"]!.ToJsonString());
        Assert.Equal("1990-04-01", (string?)cleaned["dateOfBirth"]);
        Assert.Equal("taro@example.jp", (string?)cleaned["email"]);
        Assert.Equal("""{"postalCode":"180-0022","address":"東京都武蔵野市境1-1"}""", cleaned["address"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(["history"], cleaned["includes"]!.AsArray().Select(n => (string?)n));
        foreach (var gone in (string[])["purposeOther", "note", "shoeSize", "members"])
        {
            Assert.False(cleaned.ContainsKey(gone), gone);
        }

        Assert.True(Validate(cleaned).IsValid);
    }

    [Fact]
    public void Compute_FeeFromCopiesAndKind()
    {
        Assert.Equal(600m, FormEngine.Compute(Form, TestForms.ValidAnswers()).Single(c => c.Definition.Id == "fee").Value);
        var proxy = FormEngine.Compute(Form, With("""{ "kind": "proxy", "copies": "３", "members": [{"relation": "spouse"}, {"relation": "child"}, {}] }"""));
        Assert.Equal(1000m, proxy.Single(c => c.Definition.Id == "fee").Value);
        Assert.Equal(2m, proxy.Single(c => c.Definition.Id == "people").Value);

        // Members of a hidden step do not count.
        Assert.Equal(0m, FormEngine.Compute(Form, With("""{ "kind": "self", "members": [{}, {}] }""")).Single(c => c.Definition.Id == "people").Value);
    }

    [Fact]
    public void Summarize_OnlyVisibleNonEmptyAnswers_AsDisplayText()
    {
        var answers = With("""
        {
          "kind": "household",
          "purpose": "work", "purposeOther": "hidden",
          "includes": ["history", "myNumber"], "myNumber": "123456789018",
          "note": "",
          "members": [ { "name": { "family": "武蔵野", "given": "花子", "familyKana": "むさしの", "givenKana": "ハナコ" }, "relation": "spouse", "birthDate": "1992-02-03" } ]
        }
        """);
        var sections = FormEngine.Summarize(Form, answers, TestForms.Context);
        var rows = sections.SelectMany(s => s.Rows).ToDictionary(r => r.Path);
        Assert.Equal(["applicant", "request", "household", "documents", "confirm"], sections.Select(s => s.Step.Id));
        Assert.Equal("武蔵野 太郎（ムサシノ タロウ）", rows["name"].ValueJa);
        Assert.Equal("平成2年4月1日 (1990年4月1日)", rows["dateOfBirth"].ValueJa);
        Assert.Equal("1 April 1990 (Heisei 2)", rows["dateOfBirth"].ValueEn);
        Assert.Equal("〒180-0001 東京都武蔵野市吉祥寺北町1-2-3", rows["address"].ValueJa);
        Assert.Equal("同じ世帯の人", rows["kind"].ValueJa);
        Assert.Equal("Someone in my household", rows["kind"].ValueEn);
        Assert.Equal("2通", rows["copies"].ValueJa);
        Assert.Equal("2 copies", rows["copies"].ValueEn);
        Assert.Equal("勤務先に提出", rows["purpose"].ValueJa);
        Assert.Equal("前住所、個人番号", rows["includes"].ValueJa);
        Assert.Equal("********9018", rows["myNumber"].ValueJa);
        Assert.Equal("免許証.pdf", rows["idDocument"].ValueJa);
        Assert.Equal("同意します", rows["agree"].ValueJa);
        Assert.False(rows.ContainsKey("purposeOther"));
        Assert.False(rows.ContainsKey("note"));
        Assert.False(rows.ContainsKey("email") && rows["email"].ValueJa.Length == 0);

        var member = Assert.Single(rows["members"].Children);
        Assert.Equal("世帯員 1", member.LabelJa);
        Assert.Equal(["members[0].name", "members[0].relation", "members[0].birthDate"], member.Children.Select(c => c.Path));
        Assert.Equal("武蔵野 花子（ムサシノ ハナコ）", member.Children[0].ValueJa);
        Assert.Equal("配偶者", member.Children[1].ValueJa);
        Assert.Equal("1992年2月3日", member.Children[2].ValueJa);

        var full = FormEngine.Summarize(Form, answers, TestForms.Context with { ShowFullMyNumber = true });
        Assert.Equal("123456789018", full.SelectMany(s => s.Rows).Single(r => r.Path == "myNumber").ValueJa);
    }

    [Fact]
    public void Summarize_ReiwaFirstYearIsGannen()
    {
        var answers = With("""{ "dateOfBirth": "2019-05-01" }""");
        var row = FormEngine.Summarize(Form, answers, TestForms.Context).SelectMany(s => s.Rows).Single(r => r.Path == "dateOfBirth");
        Assert.Equal("令和元年5月1日 (2019年5月1日)", row.ValueJa);
        var today = FormEngine.Summarize(Form, With("""{ "dateOfBirth": "2026-11-25" }"""), TestForms.Context).SelectMany(s => s.Rows).Single(r => r.Path == "dateOfBirth");
        Assert.Equal("令和8年11月25日 (2026年11月25日)", today.ValueJa);
    }

    [Fact]
    public void Compute_SumOverAGroupsItems_ItemFieldsFirst()
    {
        var definition = FormDefinition.Parse("""
        {
          "steps": [ { "id": "items", "title": { "ja": "品目" }, "fields": [
            { "id": "rate", "type": "number", "label": { "ja": "単価" } },
            { "id": "items", "type": "group", "label": { "ja": "品目" }, "fields": [
              { "id": "kind", "type": "choice", "label": { "ja": "種類" }, "options": [ { "value": "sofa", "label": { "ja": "ソファ" } }, { "value": "desk", "label": { "ja": "机" } } ] },
              { "id": "count", "type": "number", "label": { "ja": "点数" } } ] } ] } ],
          "computed": [ { "id": "fee", "label": { "ja": "手数料" }, "expression": { "sumOver": "items", "each": { "multiply": [
            { "field": "count" },
            { "if": { "field": "kind", "equalTo": "sofa" }, "then": { "value": 1200 }, "else": { "field": "rate" } } ] } } } ]
        }
        """);
        var answers = JsonNode.Parse("""{ "rate": 400, "items": [ { "kind": "sofa", "count": 2 }, { "kind": "desk", "count": "３" }, {} ] }""")!.AsObject();
        Assert.Equal(3600m, Assert.Single(FormEngine.Compute(definition, answers)).Value);
        Assert.Equal(0m, Assert.Single(FormEngine.Compute(definition, new JsonObject())).Value);
    }
}
