using Madoguchi.Plan.Model;

namespace Madoguchi.Plan.DemoContent;

/// <summary>
/// Musashino's DX Promotion Plan draft (DX推進計画・第八次総合情報化基本計画 中間まとめ, the seed
/// document) as data. Its tables came out of a PDF misaligned; the tree below is reconstructed from
/// the table and the chapter text of each basic policy. Where the reading is uncertain, the node
/// carries a note (<see cref="PlanNode.ReadingNoteJa"/>); ADR 0021 lists every choice.
/// </summary>
internal static class MusashinoDxPlan
{
    public const string Slug = "dx-2026";
    public const int StartFiscalYear = 2026;
    public const int EndFiscalYear = 2030;

    public const string Title = "（仮称）武蔵野市DX推進計画（第八次総合情報化基本計画）";
    public const string Vision = "DXで 市民も職員も HAPPY（しあわせ）に";
    public const string VisionDetail = "デジタルの力で市役所が変わる、暮らしが変わる。市民のHAPPY：“便利で”“住み続けたい”魅力あふれるまち。職員のHAPPY：“働きやすく”“やりがいある”魅力あふれる職場。";
    public const string PreviousPlanTitle = "第七次総合情報化基本計画";

    public const string SourceNote =
        "計画案（中間まとめ）から作成しました。事業の一覧が載っているのは基本方針Ⅰ・Ⅱ（6施策・28事業）だけで、基本方針Ⅲ〜Ⅴは施策と取組みのみです。" +
        "事業の担当課と年度別計画は計画案に記載がないため、前計画からの引継ぎで分かるもの以外はデモ用の仮設定です（「仮設定」と表示）。" +
        "重点目標は6項目あることだけが記載されており、項目名・目標値はデモ用の例示です。";

    /// <summary>A branch (policy, measure, initiative) or a project (with a number).</summary>
    public sealed record Node(PlanNodeKind Kind, string Code, string Title, IReadOnlyList<Node> Children, int? Number = null,
        string[]? Departments = null, bool DepartmentsFromDocument = false, bool AllDepartments = false, int? Repeats = null, string Note = "", string Description = "");

    private static Node P(string code, string title, params Node[] children) => new(PlanNodeKind.Policy, code, title, children);

    private static Node M(string code, string title, params Node[] children) => new(PlanNodeKind.Measure, code, title, children);

    private static Node I(string code, string title, params Node[] children) => new(PlanNodeKind.Initiative, code, title, children);

    private static Node I(string code, string title, string note, params Node[] children) => new(PlanNodeKind.Initiative, code, title, children, Note: note);

    /// <summary>A project whose departments are assumed for the demo (the draft names none).</summary>
    private static Node J(int number, string title, string[] departments, string note = "", int? repeats = null) =>
        new(PlanNodeKind.Project, number.ToString(System.Globalization.CultureInfo.InvariantCulture), title, [], number, departments, Repeats: repeats, Note: note);

    /// <summary>A project whose departments come from the previous plan's item carried over to it.</summary>
    private static Node D(int number, string title, string[] departments, bool all = false, string note = "") =>
        new(PlanNodeKind.Project, number.ToString(System.Globalization.CultureInfo.InvariantCulture), title, [], number, departments, DepartmentsFromDocument: true, AllDepartments: all, Note: note);

    public static readonly IReadOnlyList<Node> Tree =
    [
        P("Ⅰ", "市民・職員目線の市民サービス",
            M("(1)", "いつでもどこでも利用できるオンライン化の推進",
                I("①", "いつでも、どこからでも利用できる市民サービスの拡大",
                    D(1, "申請・届出・申込のオンライン化の拡大", ["it-policy"], all: true),
                    D(2, "オンライン相談の更なる拡充", ["civic-activity", "it-policy"], all: true)),
                I("②", "システムを共通化・統一化することによる利便性の向上",
                    J(3, "公共施設予約システム利用拡大及び共通化の検討", ["it-policy", "lifelong-learning"])),
                I("③", "UI/UX視点によるオンラインフォームの質の向上",
                    D(4, "UI/UXに関する知識習得機会（研修・事例共有）の提供", ["it-policy"], all: true,
                        note: "前計画No.6「窓口サービス向上に資するデジタル技術の活用研究」の引継ぎ先がNo.4とされているため、その担当課を用いています。")),
                I("④", "ユーザー目線での改善サイクルの実施",
                    J(5, "申請率などのデータ・ユーザーレビューの分析・活用スキルの習得機会の提供", ["it-policy"]),
                    J(6, "データ活用基盤（可視化・分析ツール、EAIツール等）の導入検討", ["it-policy"],
                        note: "表では取組み②〜④の並びがずれており、No.6は②（システムの共通化）とも読めます。データ分析の文脈から④としました。"))),
            M("(2)", "誰もが利用しやすい窓口",
                I("①", "「行かない」「待たない」「書かない」窓口サービスの実現に向けた検討（フロントヤード改革）",
                    J(7, "ライフイベント関係課によるECRS視点の検討と情報連携の研究", ["citizen-services", "it-policy"])),
                I("②", "便利なサービスの充実",
                    J(8, "来庁予約システムの導入拡大の検討", ["citizen-services", "it-policy"]),
                    J(9, "窓口・オンラインでのキャッシュレス決済の拡充・最適化", ["citizen-services", "city-branch-offices", "municipal-tax", "it-policy"],
                        note: "担当課は前計画No.7「主要窓口におけるキャッシュレス決済の導入」の担当課を仮に用いています（計画案の引継ぎ先はNo.8と記載）。"),
                    J(10, "地方税以外の公金納付におけるeL-QRの活用", ["accounting", "it-policy"])),
                I("③", "デジタルデバイドへの対策の充実",
                    D(11, "窓口での案内の充実・タブレット型端末の運用", ["multicultural", "disability-welfare", "elderly-support"],
                        note: "担当課は前計画No.8・9・13（いずれもNo.11へ引継ぎ）の担当課です。"))),
            M("(3)", "わかりやすい情報発信",
                I("①", "伝わる情報発信の実現",
                    D(12, "市HPやSNS等の特性に合わせた情報発信の検討", ["disability-welfare"],
                        note: "担当課は前計画No.12「障害のある方に向けた情報保障の研究」（No.12へ引継ぎ）の担当課です。"),
                    D(13, "広報物のデジタル化の推進", ["secretariat-pr"])),
                I("②", "スムーズに手続きできる環境整備",
                    J(14, "手続きガイド等の拡充", ["citizen-services", "it-policy"])),
                I("③", "パーソナライズした情報のプッシュ型通知の実現",
                    J(15, "国・都の動向を踏まえたアプリ等を活用したプッシュ型通知の検討", ["it-policy", "secretariat-pr"])))),
        P("Ⅱ", "持続可能な市役所業務へのアップデート",
            M("(1)", "抜本的な業務改革（BPR）の実施",
                I("①", "「行かない」「待たない」「書かない」窓口サービスの実現に向けた検討（フロントヤード改革）",
                    J(16, "ライフイベント関係課によるECRS視点の検討と情報連携の研究（再掲）", ["citizen-services", "it-policy"], repeats: 7))),
            M("(2)", "内部業務の効率化",
                I("①", "最適なデジタル技術の効果的な活用",
                    J(17, "既存のデジタルツール（RPA、AI-OCR等）の効果的な活用法の研究", ["it-policy"]),
                    J(18, "自動応答電話の導入・拡大", ["it-policy", "administration"]),
                    J(19, "デジタル庁の政策動向や民間企業での最新デジタル技術の研究", ["it-policy"]),
                    J(20, "道路点検DXの導入検討", ["road-management"]),
                    J(21, "会計年度任用職員の勤怠等管理業務のデジタル化", ["personnel"],
                        note: "表の並びでは取組み②（ペーパーレス化）とも読めます。取組み①としました。"),
                    J(22, "デジタル技術を活用した監査の導入", ["it-policy"],
                        note: "表の並びでは取組み③（ミスの防止）とも読めます。取組み①としました。担当課は計画案に記載がなく、監査の事務局は本デモの組織にないため情報政策課を仮に置いています。")),
                I("②", "さらにペーパーレス化による効率化の推進",
                    J(23, "行政文書の電子化・電子決裁の推進", ["administration", "it-policy"]),
                    J(24, "財務（予算・契約・会計）事務等のさらなる電子化の検討及びペーパーレス化の推進", ["budget", "property", "accounting", "it-policy"]),
                    J(25, "ペーパーレス会議を促進するための資料作成方法の検討", ["administration", "it-policy"])),
                I("③", "デジタル技術の活用によるミスの防止",
                    J(26, "ミスがおきないシステム、審査等の自動化の検討", ["it-policy"])),
                I("④", "生成AIの効果的な活用",
                    J(27, "生成AI活用法研究及び活用事例集等の共有", ["it-policy"]))),
            M("(3)", "庁舎外での働き方のアップデート",
                I("①", "テレワーク・モバイルワークの推進",
                    J(28, "テレワーク・モバイルワークの運用", ["personnel", "it-policy"])))),
        P("Ⅲ", "人材育成・体制強化",
            M("(1)", "D（デジタル）を使いこなせる人材の拡大",
                I("①", "新しいデジタル技術や先進事例などを知る機会の提供"),
                I("②", "実践による知識、技術の向上"),
                I("③", "セキュリティに関する知識・意識の向上")),
            M("(2)", "X（業務改革）人材の育成",
                I("①", "サービスデザイン思考に基づき、入口から出口まで効率的な業務フローを構築する力を育成")),
            M("(3)", "全庁的なDX推進のための体制構築",
                I("①", "他部署事例の共有、他自治体事例の情報収集・共有などを推進することで、効率的にDXに取り組む"),
                I("②", "部署をまたいだ全庁横断的なDXに取り組むための仕組みを検討"),
                I("③", "DXを始めたい、進めたいときに着手できる仕組みを検討"),
                I("④", "外部人材を活用"),
                I("⑤", "DX推進に向けた法令等の適切な解釈及び運用"))),
        P("Ⅳ", "システム基盤環境の整備",
            M("(1)", "庁外との円滑なコミュニケーションの実現",
                I("①", "委託事業者や外部委員など、庁外とのコミュニケーション（連絡、資料共有等）を円滑にできる方法の検討")),
            M("(2)", "ワーク・ライフ・マネジメントができる環境整備",
                I("①", "家庭等の状況を踏まえてワーク・ライフ・マネジメントができるようリモートワークを推進していくことで、職員満足度や生産性を向上")),
            M("(3)", "未来型オフィスへ向けた職場環境のアップデート",
                I("①", "執務室無線LAN導入を活かした職場づくりと働き方の検討")),
            M("(4)", "国の動向への適切な対応",
                I("①", "国のネットワークへの考え方やその動向を踏まえたグループウェアの活用など、利便性や全体最適の視点での検討"),
                I("②", "国が目指す国・地方デジタル共通基盤整備の動向を踏まえた、適切な対応")),
            M("(5)", "セキュリティ対策の徹底",
                I("①", "外部からのリスクへの対応、ミスをさせないシステムづくりなど、セキュリティと利便性の両立")),
            M("(6)", "デジタルを活用した子育て環境・学習環境の整備",
                I("①", "デジタル技術を活用した学びの場の提供"),
                I("②", "デジタル技術を活用した子育て支援の質の向上")),
            M("(7)", "庁内システムの共通化・統一化の検討",
                I("①", "庁内で使っているシステム・ツールを可能な限り統一していくことで、利用者の利便性を向上"))),
        P("Ⅴ", "多様な主体との共創",
            M("(1)", "さらなるオープンデータ化による情報の発信・共有",
                I("①", "オープンデータ化や市の課題を発信することで、協力者を発掘し、新たなサービスの展開を生むきっかけをつくる")),
            M("(2)", "多様な主体との共創",
                I("①", "民間企業、大学、市民、団体等との共創により、新たな解決手段・方法等を生み出すとともに、新たなサービスの展開を考えられる環境の創出"))),
    ];

    /// <summary>
    /// The schedule is not in the draft: an assumed one for the demo. Projects whose title says
    /// 検討 or 研究 study first (令和8–9年度) and then carry out; the others carry out every year.
    /// </summary>
    public static List<ScheduleEntry> AssumedSchedule(string title)
    {
        var studies = title.Contains("検討", StringComparison.Ordinal) || title.Contains("研究", StringComparison.Ordinal);
        return [.. Enumerable.Range(StartFiscalYear, EndFiscalYear - StartFiscalYear + 1)
            .Select(year => new ScheduleEntry(year, studies && year < StartFiscalYear + 2 ? "検討・研究" : "実施"))];
    }

    /// <summary>The previous plan's items (付録: 第七次総合情報化基本計画の達成状況, 令和6年度末時点).</summary>
    public sealed record Item(int Number, string Policy, string Title, string Departments, AchievementStatus Status, int? CarriedOverTo);

    public static readonly IReadOnlyDictionary<string, string> PreviousPolicies = new Dictionary<string, string>
    {
        ["Ⅰ"] = "窓口サービスの利便性向上",
        ["Ⅱ"] = "市民生活を支えるデジタル技術の活用",
        ["Ⅲ"] = "業務改善及び働き方改革の推進",
        ["Ⅳ"] = "DX推進に向けた基盤整備",
    };

    private const AchievementStatus Done = AchievementStatus.Achieved;
    private const AchievementStatus Mostly = AchievementStatus.MostlyAchieved;
    private const AchievementStatus Partly = AchievementStatus.PartlyAchieved;
    private const AchievementStatus NotDone = AchievementStatus.NotAchieved;

    public static readonly IReadOnlyList<Item> PreviousItems =
    [
        new(1, "Ⅰ", "行政手続き、イベントや講座の申込等のオンライン化の推進", "情報政策課、各課", Done, 1),
        new(2, "Ⅰ", "オンライン相談の導入の検討", "市民活動推進課、情報政策課、各課", Mostly, 2),
        new(3, "Ⅰ", "市が保有する地図情報のインターネット閲覧サービスの検討", "情報政策課、下水道課、まちづくり推進課、道路管理課、建築指導課、工務課", Done, 69),
        new(4, "Ⅰ", "窓口での申請に係る時間の短縮", "子ども子育て支援課、情報政策課", Done, null),
        new(5, "Ⅰ", "転出・転入ワンストップサービスの実施", "市民課、情報政策課", Done, null),
        new(6, "Ⅰ", "窓口サービス向上に資するデジタル技術の活用研究", "情報政策課、各課", Done, 4),
        new(7, "Ⅰ", "主要窓口におけるキャッシュレス決済の導入", "市民課、市政センター、市民税課、情報政策課", Done, 8),
        new(8, "Ⅰ", "タブレット型端末を利用した通訳サービスの拡充", "多文化共生・交流課", Done, 11),
        new(9, "Ⅰ", "タブレット型端末を利用した手話サービスの検討", "障害者福祉課", Done, 11),
        new(10, "Ⅱ", "効果的な市政情報の発信の推進", "秘書広報課", Mostly, 13),
        new(11, "Ⅱ", "ウェブアクセシビリティの向上推進", "秘書広報課", Done, null),
        new(12, "Ⅱ", "障害のある方に向けた情報保障の研究", "障害者福祉課", Mostly, 12),
        new(13, "Ⅱ", "高齢者向けデジタル機器の操作支援", "高齢者支援課", Mostly, 11),
        new(14, "Ⅱ", "市庁舎の公衆無線LANの整備", "管財課", Mostly, null),
        new(15, "Ⅱ", "ICT機器（電子黒板機能付き大型提示装置等）の追加整備", "指導課", Done, null),
        new(16, "Ⅱ", "学習者用デジタル教科書の整備に関する検討", "指導課", Done, 46),
        new(17, "Ⅱ", "学習者用コンピュータ活用に関する指針の策定", "指導課", Done, null),
        new(18, "Ⅱ", "次期学習者用コンピュータの環境整備に関する検討", "指導課", Done, null),
        new(19, "Ⅱ", "保健センターの増築及び複合施設の整備に向けたデジタル技術の活用方法の検討", "健康課、子ども子育て支援課、教育支援課、障害者福祉課", Done, 48),
        new(20, "Ⅱ", "子ども子育て総合相談（仮称）における情報連携の円滑化", "企画調整課（令和5年度まで）、子ども子育て支援課、健康課、教育支援課、障害者福祉課", NotDone, 48),
        new(21, "Ⅱ", "災害時の情報収集・情報提供の充実", "防災課", Mostly, null),
        new(22, "Ⅱ", "市民に対する迅速な防犯情報の発信", "安全対策課", Done, null),
        new(23, "Ⅱ", "地域子育て支援拠点における災害時の連携体制強化", "子ども子育て支援課", Partly, null),
        new(24, "Ⅲ", "行政文書の電子化の推進", "総務課、情報政策課", Partly, 31),
        new(25, "Ⅲ", "文書及び財務（予算・契約・会計）事務における電子決裁の導入", "総務課、情報政策課、財政課、管財課、会計課", Mostly, 31),
        new(26, "Ⅲ", "契約書の電子化及び電子契約システムの検討", "管財課", Partly, 37),
        new(27, "Ⅲ", "請求書の電子化及び電子請求システムの研究", "会計課、情報政策課", Mostly, 38),
        new(28, "Ⅲ", "ペーパーレス会議等の推進", "総務課、情報政策課", Mostly, 34),
        new(29, "Ⅲ", "AI・RPAの活用による業務改善の推進", "情報政策課", Partly, 28),
        new(30, "Ⅲ", "問い合わせ対応業務の効率化", "情報政策課、総務課、各課", Done, 29),
        new(31, "Ⅲ", "先進技術の研究", "情報政策課", Done, 31),
        new(32, "Ⅲ", "テレワークの試行", "人事課、情報政策課", Done, 39),
        new(33, "Ⅲ", "コミュニケーションの活性化、生産性向上を目的とした職場環境改善に関する研究", "総務課、人事課、情報政策課", Done, 40),
        new(34, "Ⅳ", "教員によるテレワークの導入の検討", "指導課", Mostly, 41),
        new(35, "Ⅳ", "情報セキュリティの徹底", "情報政策課", Partly, 47),
        new(36, "Ⅳ", "マイナンバー制度への対応", "情報政策課", Done, null),
        new(37, "Ⅳ", "自治体情報システムの標準化・共通化への対応", "情報政策課、各課", Done, null),
        new(38, "Ⅳ", "庁内情報システム基盤の更新と「ガバメントクラウド」の検討", "情報政策課", Done, null),
        new(39, "Ⅳ", "オンライン会議等を活用した市民参加のあり方の検討", "企画調整課", Partly, null),
        new(40, "Ⅳ", "オンライン会議環境の整備", "情報政策課", Done, 41),
        new(41, "Ⅳ", "デジタル人材育成研修の実施", "情報政策課、人事課", Done, 61),
        new(42, "Ⅳ", "最高情報責任者（CIO）補佐官及びデジタル化推進アドバイザーの活用", "情報政策課", Done, 67),
    ];

    /// <summary>Department names as the draft prints them → demo department codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> DepartmentCodes = new Dictionary<string, string>
    {
        ["情報政策課"] = "it-policy",
        ["総務課"] = "administration",
        ["人事課"] = "personnel",
        ["管財課"] = "property",
        ["財政課"] = "budget",
        ["市民税課"] = "municipal-tax",
        ["会計課"] = "accounting",
        ["市民課"] = "citizen-services",
        ["市政センター"] = "city-branch-offices",
        ["市民活動推進課"] = "civic-activity",
        ["多文化共生・交流課"] = "multicultural",
        ["秘書広報課"] = "secretariat-pr",
        ["企画調整課"] = "planning-coordination",
        ["防災課"] = "disaster-prevention",
        ["安全対策課"] = "community-safety",
        ["健康課"] = "health",
        ["高齢者支援課"] = "elderly-support",
        ["障害者福祉課"] = "disability-welfare",
        ["子ども子育て支援課"] = "child-support",
        ["道路管理課"] = "road-management",
        ["建築指導課"] = "building-guidance",
        ["まちづくり推進課"] = "urban-planning",
        ["下水道課"] = "sewerage",
        ["工務課"] = "waterworks-engineering",
        ["指導課"] = "education-guidance",
        ["教育支援課"] = "education-support",
    };

    /// <summary>「市民課、企画調整課（令和5年度まで）、各課」 → the codes of the departments named (各課 is not one).</summary>
    public static List<string> CodesIn(string departments) =>
        [.. departments.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Split('（')[0])
            .Where(DepartmentCodes.ContainsKey)
            .Select(name => DepartmentCodes[name])];

    /// <summary>
    /// 重点目標: the draft says there are six measurable goals for the end of 令和12年度 but their
    /// names and figures were in a figure the text does not carry. These are illustrative, marked so.
    /// </summary>
    public sealed record Goal(int Number, string Title, string Description, string Unit, decimal Baseline, decimal Target, decimal[] History);

    public static readonly IReadOnlyList<Goal> Goals =
    [
        new(1, "オンラインで申請できる手続の割合", "市の申請・届出・申込のうち、オンラインで完結できるものの割合（基本方針Ⅰ）", "%", 42, 80, [48]),
        new(2, "キャッシュレス決済に対応した窓口の割合", "手数料等を扱う窓口のうち、キャッシュレス決済に対応した窓口の割合（基本方針Ⅰ）", "%", 35, 90, [41]),
        new(3, "電子決裁の割合", "起案された文書のうち、電子決裁で処理されたものの割合（基本方針Ⅱ）", "%", 55, 95, [61]),
        new(4, "DX研修の受講者数（累計）", "デジタル人材育成研修を受講した職員の延べ人数（基本方針Ⅲ）", "人", 320, 1500, [410]),
        new(5, "テレワーク・モバイルワークを実施した職員の割合", "1年間に一度以上テレワーク・モバイルワークを行った職員の割合（基本方針Ⅳ）", "%", 30, 70, [34]),
        new(6, "公開しているオープンデータのデータセット数", "市のオープンデータカタログに掲載しているデータセットの数（基本方針Ⅴ）", "件", 60, 150, []),
    ];
}
