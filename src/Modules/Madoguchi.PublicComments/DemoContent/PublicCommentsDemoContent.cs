using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.DemoContent;

/// <summary>
/// Two processes for the demo: the DX plan draft as the seed document announces it (令和7年12月9日から
/// 令和8年1月5日まで必着; web form, email, FAX or post; name, address and contact; no telephone) — closed,
/// with a published result made of sample opinions, marked as samples — and one open now, for trying
/// the journey (dates relative to today).
/// </summary>
internal sealed class PublicCommentsDemoContent(TimeProvider clock) : IDemoContent
{
    public const string DxSlug = "dx-plan-draft";
    public const string OpenSlug = "demo-open";

    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<PublicCommentProcess>().Select(p => p.Slug).ToListAsync(cancellationToken);
        var department = await db.Set<Department>().Where(d => d.Code == "it-policy").Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (department == Guid.Empty)
        {
            return;
        }

        if (!existing.Contains(DxSlug))
        {
            SeedDxDraft(db, department);
        }

        if (!existing.Contains(OpenSlug))
        {
            SeedOpen(db, department);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static PublicCommentProcess Process(Guid department, string slug, string prefix, string title, string summary, DateOnly opens, DateOnly receivedBy) => new()
    {
        Id = Guid.NewGuid(),
        Slug = slug,
        ReceiptPrefix = prefix,
        TitleJa = title,
        SummaryJa = summary,
        DepartmentId = department,
        OpensAt = PublicCommentProcess.ToUtc(opens, TimeOnly.MinValue),
        ReceivedBy = receivedBy,
        ContactEmail = "SEC-JYOUHOU@city.musashino.lg.jp",
        ContactFax = "0422-51-9149",
        ContactAddressJa = "〒180-8777 武蔵野市緑町2-2-28 総務部情報政策課",
        ContactDepartmentJa = "武蔵野市 総務部 情報政策課",
    };

    private static void SeedDxDraft(MadoguchiDb db, Guid department)
    {
        var process = Process(department, DxSlug, "DX", "（仮称）武蔵野市DX推進計画（第八次総合情報化基本計画）中間まとめ",
            "この計画の案に対する御意見を武蔵野市 総務部 情報政策課 宛にお寄せください。意見提出フォーム、電子メール、FAX または郵送のいずれかの方法でお寄せください。なお、電話による受付はいたしません。提出にあたっては、氏名、住所、連絡先を記入してください。",
            new DateOnly(2025, 12, 9), new DateOnly(2026, 1, 5));
        process.ResultPublishedAt = PublicCommentProcess.ToUtc(new DateOnly(2026, 2, 20), new TimeOnly(10, 0));
        process.IsDemoSample = true;
        db.Add(process);

        (string Heading, string Body)[] sections =
        [
            ("第1章（1）DXを取り巻く環境・動向", "人口減少や労働力不足により市民サービス維持が課題。国や東京都ではDX推進の必要性を示し、新たな市民サービスの展開を進めている。"),
            ("第1章（2）武蔵野市の現状とこれから", "これまでの取組みにより市民の利便性や職員の業務効率化を達成してきた一方、多様化する市民ニーズや新しい働き方などへの対応の必要性が増している。"),
            ("第1章（3）位置づけ", "本計画は令和8年度から令和12年度まで（5年間）を計画期間とする。第七次総合情報化基本計画の後継計画として策定する。"),
            ("第2章（1）武蔵野市DXビジョン", "DXで 市民も職員も HAPPY に ― デジタルの力で市役所が変わる、暮らしが変わる ―"),
            ("第2章（2）進め方の全体像", "目指す姿（DXビジョン）、基本方針、施策、取組み・事業の体系で計画を整理する。"),
            ("第2章（3）DXを推進していく上でのマインドセット", "5つの基本的な考え方（スモールスタート、サービスデザイン思考、ECRS、デジタル3原則、アジャイル思考）と3つの留意事項（費用対効果、セキュリティ、誰ひとり取り残さない）。"),
            ("第2章（4）DXの実現に向けた行動", "5つの基本方針（市民・職員目線の市民サービス、持続可能な市役所業務へのアップデート、人材育成・体制強化、システム基盤環境の整備、多様な主体との共創）と6つの重点目標。基本方針Ⅰ及びⅡでは、6の施策として28の事業を推進する。"),
            ("第3章（1）推進体制・進捗管理手法", "担当課は日常的に事業の進捗管理を行い、年に1回情報政策課へ進捗実績の報告を行う。情報政策課は評価を行い、評価結果とともにICT戦略会議へ報告する。"),
            ("付録", "第七次総合情報化基本計画の達成状況と本計画への引継ぎ、国・東京都の動向、用語集。"),
        ];
        var ids = new List<Guid>();
        for (var i = 0; i < sections.Length; i++)
        {
            var section = new DraftSection { Id = Guid.NewGuid(), ProcessId = process.Id, Number = i + 1, HeadingJa = sections[i].Heading, BodyJa = sections[i].Body };
            ids.Add(section.Id);
            db.Add(section);
        }

        var group = new OpinionGroup
        {
            Id = Guid.NewGuid(),
            ProcessId = process.Id,
            Number = 1,
            SectionId = ids[6],
            SummaryJa = "デジタルが苦手な高齢者も手続きができるよう、窓口での支援を続けてほしい。（同趣旨2件）",
            ResponseJa = "基本方針Ⅰ施策(2)③「デジタルデバイドへの対策の充実」で、窓口での案内の充実とタブレット型端末の運用（事業No.11）に取り組みます。オンライン化を進めた後も窓口での手続きは続けます。",
            DraftChanged = false,
        };
        db.Add(group);

        var samples = new (int Section, OpinionChannels Channel, int Day, Guid? Group, string Summary, string Response, bool Changed)[]
        {
            (6, OpinionChannels.Web, 12, group.Id, "", "", false),
            (6, OpinionChannels.Post, 26, group.Id, "", "", false),
            (3, OpinionChannels.Email, 20, null, "計画期間を5年間に延ばす理由を分かりやすく示してほしい。",
                "施策の進捗を踏まえて次期計画を策定できるよう3年間から5年間に変更したこと、最後の1年は次期計画の策定と重ねることを、第1章(3)に追記します。", true),
            (8, OpinionChannels.Fax, 35, null, "進捗状況を市民にも公開してほしい。",
                "各事業の進捗と重点目標の達成状況を、オープンデータとして市ホームページで公開します。", false),
        };
        var sequence = 0;
        foreach (var sample in samples)
        {
            sequence++;
            db.Add(new Opinion
            {
                Id = Guid.NewGuid(),
                ProcessId = process.Id,
                Sequence = sequence,
                ReceiptNumber = $"DX-{sequence:D4}",
                SectionId = ids[sample.Section],
                Channel = sample.Channel,
                ReceivedAt = process.OpensAt.AddDays(sample.Day - 9).AddHours(3),
                SubmitterName = $"見本 {sequence}号",
                SubmitterAddress = "武蔵野市（デモ用の架空の住所）",
                SubmitterEmail = sample.Channel is OpinionChannels.Web or OpinionChannels.Email ? $"sample{sequence}@example.com" : null,
                Body = "（デモ用の架空の意見です）" + (sample.Summary.Length > 0 ? sample.Summary : "窓口でスマートフォンの操作を教えてもらえると助かります。"),
                GroupId = sample.Group,
                PublicSummaryJa = sample.Summary,
                ResponseJa = sample.Response,
                DraftChanged = sample.Changed,
                RecordedBy = sample.Channel == OpinionChannels.Web ? null : "デモデータ",
                ContentHash = "",
            });
        }
    }

    private void SeedOpen(MadoguchiDb db, Guid department)
    {
        var today = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(clock.GetUtcNow().UtcDateTime));
        var process = Process(department, OpenSlug, "TR", "【体験用】窓口サービスのデジタル化についての意見募集（デモ）",
            "パブリックコメントの流れを体験するためのデモ用の意見募集です。送られた意見は市の施策には使われません。",
            today.AddDays(-7), today.AddDays(21));
        process.IsDemoSample = true;
        db.Add(process);
        db.Add(new DraftSection { Id = Guid.NewGuid(), ProcessId = process.Id, Number = 1, HeadingJa = "1. オンライン申請の拡大", BodyJa = "申請・届出・申込をいつでもどこからでもできるようにします。" });
        db.Add(new DraftSection { Id = Guid.NewGuid(), ProcessId = process.Id, Number = 2, HeadingJa = "2. 待たない・書かない窓口", BodyJa = "来庁予約とキャッシュレス決済、職員が入力を手伝う窓口を広げます。" });
    }
}
