using Madoguchi.Procedures.Catalog;

namespace Madoguchi.Tests.Procedures;

public sealed class ProcedureSearchTests
{
    private static Procedure Make(string slug, string titleJa, string keywords = "") => new()
    {
        Slug = slug,
        TitleJa = titleJa,
        TitleEn = slug,
        SummaryJa = "",
        SummaryEn = "",
        Keywords = keywords,
    };

    private static readonly Procedure[] Catalog =
    [
        Make("juminhyo", "住民票の写しの交付請求", "じゅうみんひょう 証明書"),
        Make("dog", "犬の登録", "いぬ ペット"),
        Make("bulky", "粗大ごみの収集申込", "そだいごみ ごみ"),
    ];

    [Theory]
    [InlineData("住民票", "juminhyo")]
    [InlineData("じゅうみんひょう", "juminhyo")]
    [InlineData("ジュウミンヒョウ", "juminhyo")]
    [InlineData("ｼﾞｭｳﾐﾝﾋｮｳ", "juminhyo")]
    [InlineData("ＤＯＧ", "dog")]
    [InlineData("　ごみ　", "bulky")]
    public void Search_FindsByKanjiKanaWidthAndCase(string query, string expected)
    {
        var results = ProcedureSearch.Search(Catalog, query, english: false);
        Assert.Equal(expected, Assert.Single(results).Slug);
    }

    [Fact]
    public void Search_EveryWordMustMatch()
    {
        Assert.Empty(ProcedureSearch.Search(Catalog, "犬 住民票", english: false));
    }

    [Fact]
    public void Search_EmptyQuery_ListsEverything()
    {
        Assert.Equal(3, ProcedureSearch.Search(Catalog, "  ", english: false).Count);
    }
}
