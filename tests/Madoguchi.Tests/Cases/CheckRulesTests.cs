using System.Text.Json.Nodes;
using Madoguchi.Cases.Checks;

namespace Madoguchi.Tests.Cases;

/// <summary>Automatic checks (審査の自動化): each flags with a reason in Japanese and English, none decides.</summary>
public sealed class CheckRulesTests
{
    private static readonly DateOnly On = new(2026, 11, 25);

    private static JsonObject Answers(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static CheckOutcome Run(CheckRule rule, string answers, bool duplicate = false) =>
        Assert.Single(CheckRules.Run([rule], Answers(answers), On, _ => duplicate));

    [Theory]
    [InlineData("2008-11-25", true)]  // 18 today
    [InlineData("2008-11-26", false)] // 18 tomorrow
    public void Age_IsCountedOnTheDayOfApplication(string birth, bool passed)
    {
        var outcome = Run(new CheckRule(CheckRules.Age, Field: "dob", Min: 18), $$"""{ "dob": "{{birth}}" }""");
        Assert.Equal(passed, outcome.Passed);
        Assert.Contains(passed ? "18歳" : "17歳", outcome.MessageJa, StringComparison.Ordinal);
        Assert.Contains(passed ? "Aged 18" : "Aged 17", outcome.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_WithoutADateOfBirth_IsFlaggedNotPassed() =>
        Assert.False(Run(new CheckRule(CheckRules.Age, Field: "dob", Min: 18), "{}").Passed);

    [Theory]
    [InlineData("東京都武蔵野市吉祥寺北町1-2-3", true)]
    [InlineData("東京都三鷹市下連雀1-1-1", false)]
    public void Residence_IsInTheCity(string address, bool passed)
    {
        var outcome = Run(new CheckRule(CheckRules.Residence, Field: "address", City: "武蔵野市"),
            $$"""{ "address": { "postalCode": "180-0001", "address": "{{address}}" } }""");
        Assert.Equal(passed, outcome.Passed);
        Assert.Contains("武蔵野市", outcome.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_MissingOrPresent()
    {
        Assert.False(Run(new CheckRule(CheckRules.RequiredAttachment, Field: "proof"), "{}").Passed);
        Assert.True(Run(new CheckRule(CheckRules.RequiredAttachment, Field: "proof"), """{ "proof": "upload-1" }""").Passed);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Amount_WithinBounds(int copies, bool passed) =>
        Assert.Equal(passed, Run(new CheckRule(CheckRules.Amount, Field: "copies", Min: 1, Max: 5), $$"""{ "copies": {{copies}} }""").Passed);

    [Fact]
    public void Duplicate_UsesNameAndDateOfBirth_IgnoringWidthAndSpaces()
    {
        var a = CheckRules.ApplicantKey(Answers("""{ "applicantName": { "family": "武蔵野", "given": "太郎" }, "dateOfBirth": "1990-04-01" }"""));
        var b = CheckRules.ApplicantKey(Answers("""{ "applicantName": { "family": "武蔵野 ", "given": "太郎" }, "dateOfBirth": "1990-04-01" }"""));
        var other = CheckRules.ApplicantKey(Answers("""{ "applicantName": { "family": "武蔵野", "given": "太郎" }, "dateOfBirth": "1990-04-02" }"""));
        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);

        var rule = new CheckRule(CheckRules.Duplicate);
        const string answers = """{ "applicantName": { "family": "武蔵野", "given": "太郎" }, "dateOfBirth": "1990-04-01" }""";
        Assert.False(Run(rule, answers, duplicate: true).Passed);
        Assert.True(Run(rule, answers, duplicate: false).Passed);
    }
}
