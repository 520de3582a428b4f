using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.DemoContent;

/// <summary>
/// Musashino's procedures and life events for the demo organisation, written in our own words from
/// what such a city offers. Fees and periods are realistic examples, not the city's official figures.
/// </summary>
internal sealed class ProceduresDemoContent(TimeProvider clock) : IDemoContent
{
    private const ProcedureChannels Online = ProcedureChannels.Online;
    private const ProcedureChannels Counter = ProcedureChannels.Counter;
    private const ProcedureChannels Post = ProcedureChannels.Post;

    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var existing = await db.Set<Procedure>().Select(p => p.Slug).ToListAsync(cancellationToken);
        foreach (var procedure in Procedures(departments).Where(p => !existing.Contains(p.Slug)))
        {
            db.Add(procedure);
        }

        var existingEvents = await db.Set<LifeEvent>().Select(e => e.Slug).ToListAsync(cancellationToken);
        foreach (var lifeEvent in LifeEvents().Where(e => !existingEvents.Contains(e.Slug)))
        {
            db.Add(lifeEvent);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<Procedure> Procedures(Dictionary<string, Guid> department)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Procedure P(string slug, ProcedureKind kind, string dept, string titleJa, string titleEn, string summaryJa, string summaryEn,
            string audienceJa, string audienceEn, string bringJa, string bringEn, int? fee, string feeNoteJa, string feeNoteEn,
            int? days, ProcedureChannels channels, string keywords, string related = "") => new()
            {
                Id = Guid.NewGuid(),
                Slug = slug,
                Kind = kind,
                ResponsibleDepartmentId = department[dept],
                TitleJa = titleJa,
                TitleEn = titleEn,
                SummaryJa = summaryJa,
                SummaryEn = summaryEn,
                AudienceJa = audienceJa,
                AudienceEn = audienceEn,
                WhatToBringJa = bringJa,
                WhatToBringEn = bringEn,
                FeeYen = fee,
                FeeNoteJa = feeNoteJa,
                FeeNoteEn = feeNoteEn,
                StandardProcessingDays = days,
                Channels = channels,
                Keywords = keywords,
                RelatedSlugs = related,
                UpdatedAt = now,
            };

        yield return P("juminhyo-copy", ProcedureKind.Request, "citizen-services",
            "住民票の写しの交付請求", "Request a copy of your residence record (juminhyo)",
            "住民票の写し（世帯全員または一部）を請求します。オンラインで申し込むと、登録された住所へ郵送します。窓口ではその場で交付します。",
            "Ask for a copy of the residence record for your whole household or some members. Apply online to receive it by post; at the counter it is issued on the spot.",
            "武蔵野市に住民登録がある本人と同じ世帯の人。代理人は委任状が必要です。", "You or a member of your household, if registered in Musashino. A representative needs a letter of proxy.",
            "本人確認書類（マイナンバーカード、運転免許証など）\n代理人の場合は委任状", "Proof of identity (My Number Card, driving licence, etc.)\nA letter of proxy if you send someone",
            300, "1通300円", "300 yen per copy", 5, Online | Counter | Post, "じゅうみんひょう 住民票 証明書 写し residence certificate", "certificate-by-post seal-registration");
        yield return P("moving-in-advance", ProcedureKind.Notice, "citizen-services",
            "転入届の事前申請（引っ越しワンストップ）", "Notify your move to Musashino in advance (moving one-stop)",
            "市外から武蔵野市へ引っ越すとき、マイナンバーカードを使って転入の予定を事前に届け出ます。来庁日を予約すれば、窓口での待ち時間と記入が減ります。引っ越した日から14日以内に来庁して手続きを完了してください。",
            "When moving into Musashino from another municipality, tell us in advance with your My Number Card. Book a visit to cut waiting and form-filling at the counter. Visit within 14 days of moving to complete it.",
            "市外から武蔵野市に引っ越す人とその世帯。", "Anyone moving into Musashino from another municipality, and their household.",
            "マイナンバーカード（世帯全員分）\n転出証明書（ワンストップを利用しない場合）", "My Number Cards of everyone moving\nCertificate of moving out (if you do not use the one-stop service)",
            null, "", "", null, Online | Counter, "てんにゅう 転入 引っ越し 引越 ひっこし 移転 moving in", "national-health-insurance-join child-allowance dog-registration");
        yield return P("moving-out", ProcedureKind.Notice, "citizen-services",
            "転出届", "Notify moving out of Musashino",
            "武蔵野市から市外へ引っ越すときの届出です。マイナンバーカードがあればオンラインで届け出られ、転出証明書は不要になります。",
            "Tell us when you move out of Musashino. With a My Number Card you can do it online and need no certificate of moving out.",
            "市外へ引っ越す人とその世帯。", "Anyone moving out of Musashino, and their household.",
            "マイナンバーカードまたは本人確認書類", "My Number Card or another proof of identity",
            null, "", "", 1, Online | Counter | Post, "てんしゅつ 転出 引っ越し 引越 ひっこし moving out", "moving-in-advance");
        yield return P("birth-notice", ProcedureKind.Notice, "citizen-services",
            "出生届", "Register a birth",
            "子どもが生まれたら、生まれた日を含めて14日以内に届け出ます。届出の後、児童手当や子どもの医療費助成の手続きも忘れずに。",
            "Register a birth within 14 days, counting the day of birth. Afterwards, apply for the child allowance and the children's medical subsidy.",
            "子どもの父または母（届出人）。", "The child's father or mother.",
            "出生証明書（医師または助産師が記入したもの）\n母子健康手帳", "Certificate of birth filled in by the doctor or midwife\nMaternal and child health handbook",
            null, "", "", null, Counter, "しゅっせい 出生 出産 赤ちゃん 誕生 birth baby", "child-allowance child-medical-subsidy");
        yield return P("marriage-notice", ProcedureKind.Notice, "citizen-services",
            "婚姻届", "Register a marriage",
            "婚姻届は届け出た日に効力が生じます。夜間・休日は宿直で預かり、後日内容を確認します。",
            "A marriage takes effect on the day it is registered. Outside office hours the night desk accepts it and we check it later.",
            "結婚する二人。", "The two people marrying.",
            "婚姻届（成人の証人2人の署名があるもの）\n本人確認書類", "Marriage registration form signed by two adult witnesses\nProof of identity",
            null, "", "", null, Counter, "こんいん 婚姻 結婚 marriage", "seal-registration national-health-insurance-join");
        yield return P("seal-registration", ProcedureKind.Application, "citizen-services",
            "印鑑登録", "Register your personal seal (inkan)",
            "不動産登記や自動車の登録などで使う実印を登録します。登録後は印鑑登録証明書を請求できます。",
            "Register the seal you use for property or car registration. You can then ask for a seal registration certificate.",
            "武蔵野市に住民登録がある15歳以上の人。", "Residents of Musashino aged 15 or over.",
            "登録する印鑑\n本人確認書類（顔写真付き）", "The seal to register\nPhoto identification",
            null, "登録は無料。印鑑登録証明書は1通300円", "Registration is free; a certificate is 300 yen", null, Counter, "いんかん 印鑑 実印 seal inkan", "juminhyo-copy");
        yield return P("certificate-by-post", ProcedureKind.Request, "citizen-services",
            "各種証明書の郵送請求", "Request certificates by post",
            "住民票の写し、戸籍証明書、税証明書などを郵送で請求します。オンラインで申し込み、手数料は電子決済または定額小為替で納めます。",
            "Ask for residence, family register or tax certificates by post. Apply online and pay the fee electronically or by postal money order.",
            "証明書を請求できる本人、同じ世帯の人、または正当な理由のある人。", "The person concerned, their household, or anyone with a legitimate reason.",
            "本人確認書類の写し\n返信用封筒（オンライン決済の場合は不要）", "Copy of your proof of identity\nReturn envelope (not needed when paying online)",
            300, "証明書の種類により1通300円〜750円", "300 to 750 yen per certificate, by kind", 7, Online | Post, "ゆうそう 郵送 証明書 戸籍 税証明 certificate post mail", "juminhyo-copy");
        yield return P("bereavement-appointment", ProcedureKind.Booking, "citizen-services",
            "おくやみ手続きの事前予約", "Book a bereavement support appointment",
            "家族が亡くなった後の手続きを、専用窓口で一度に案内します。事前に予約すると、必要な手続きの一覧と書類を用意してお待ちします。",
            "After a family member dies, a dedicated counter guides you through the procedures in one visit. Book ahead and we prepare the list and forms for you.",
            "亡くなった人の家族や、手続きをする人。", "The family of the deceased, or whoever handles the procedures.",
            "亡くなった人の保険証、介護保険証など\n手続きをする人の本人確認書類", "The deceased's insurance cards and long-term care card\nYour proof of identity",
            null, "", "", null, Online | Counter, "おくやみ 死亡 亡くなった 葬儀 相続 bereavement death", "national-health-insurance-join");
        yield return P("child-allowance", ProcedureKind.Application, "child-support",
            "児童手当の認定請求", "Apply for the child allowance",
            "高校生年代までの子どもを育てる人に手当を支給します。出生や転入の翌日から15日以内に申請すると、翌月分から受け取れます。",
            "A monthly allowance for people raising children up to high-school age. Apply within 15 days of a birth or moving in to receive it from the next month.",
            "武蔵野市に住み、高校生年代までの子どもを養育している人（公務員を除く）。", "Residents raising children up to high-school age (public servants apply to their employer).",
            "請求者名義の預金通帳またはキャッシュカード\n請求者のマイナンバーがわかるもの", "Bank details in the applicant's name\nThe applicant's My Number",
            null, "", "", 30, Online | Counter, "じどうてあて 児童手当 手当 子ども 子育て child allowance", "child-medical-subsidy birth-notice");
        yield return P("child-medical-subsidy", ProcedureKind.Application, "child-support",
            "子どもの医療費助成の申請", "Apply for the children's medical expenses subsidy",
            "子どもが病院にかかったときの自己負担分を市が助成します。申請すると医療証を交付します。",
            "The city pays your share of children's medical costs. Apply to receive a medical subsidy card.",
            "武蔵野市に住む高校生年代までの子どもを育てる人。", "Residents raising children up to high-school age.",
            "子どもの健康保険の資格がわかるもの", "Proof of the child's health insurance",
            null, "", "", 14, Online | Counter, "いりょうひ 医療費 医療証 助成 マル乳 マル子 medical", "child-allowance");
        yield return P("nursery-application", ProcedureKind.Application, "child-support",
            "保育所等の入所申込", "Apply for a nursery place",
            "保護者が働いているなどで家庭で保育できない子どもの、保育所・認定こども園への入所を申し込みます。4月入所は前年の秋に一斉受付します。",
            "Apply for a place at a nursery or certified centre when parents cannot care for the child at home, for example because of work. April places are allocated in an autumn round.",
            "小学校入学前の子どもの保護者で、就労などの保育が必要な事由がある人。", "Parents of pre-school children who need childcare, for example for work.",
            "就労証明書（保護者それぞれ）\n利用調整に必要な書類", "Certificate of employment for each parent\nDocuments for the allocation",
            null, "保育料は世帯の所得により決まります", "Fees depend on household income", 60, Online | Counter, "ほいく 保育所 保育園 こども園 入園 nursery daycare", "child-allowance");
        yield return P("school-enrolment", ProcedureKind.Application, "education-support",
            "市立小・中学校の入学（就学）手続き", "Enrol in a city elementary or junior high school",
            "小学校・中学校に入学する年の前年秋に就学通知書を送ります。転入した人や、指定校以外を希望する人は手続きが必要です。",
            "We send an enrolment notice in the autumn before school starts. Children who move in, or who want a school other than the designated one, need to apply.",
            "武蔵野市に住む学齢期の子どもの保護者。", "Parents of school-age children living in Musashino.",
            "就学通知書（届いている場合）\n在学証明書（転校の場合）", "Enrolment notice (if received)\nCertificate of enrolment (when changing schools)",
            null, "", "", 7, Online | Counter, "にゅうがく 入学 就学 小学校 中学校 転校 school", "");
        yield return P("long-term-care-application", ProcedureKind.Application, "elderly-support",
            "要介護・要支援認定の申請", "Apply for long-term care certification",
            "介護サービスを使うために、介護や支援がどの程度必要かの認定を申請します。調査員が訪問し、約30日で結果をお知らせします。",
            "To use care services, apply for an assessment of how much care or support is needed. An assessor visits, and you get the result in about 30 days.",
            "65歳以上の人、または特定の病気がある40〜64歳の人。", "People aged 65 or over, or aged 40 to 64 with certain illnesses.",
            "介護保険被保険者証\n主治医の氏名と医療機関名", "Long-term care insurance card\nYour doctor's name and clinic",
            null, "", "", 30, Online | Counter | Post, "かいご 介護 要介護 要支援 認定 care elderly", "");
        yield return P("national-health-insurance-join", ProcedureKind.Notice, "insurance-pension",
            "国民健康保険の加入の届出", "Join the National Health Insurance",
            "勤務先の健康保険に入らない人は国民健康保険に加入します。転入・退職・扶養から外れたときは14日以内に届け出てください。",
            "If you are not covered by an employer's health insurance, join the National Health Insurance. Notify us within 14 days of moving in, leaving a job or leaving a dependant's cover.",
            "武蔵野市に住み、職場の健康保険などに加入していない人。", "Residents not covered by workplace health insurance.",
            "マイナンバーがわかるもの\n健康保険の資格喪失を証明する書類（退職の場合）", "Your My Number\nProof that your previous insurance ended (after leaving a job)",
            null, "保険税は所得と世帯人数で決まります", "The tax depends on income and household size", 7, Online | Counter | Post, "こくほ 国保 国民健康保険 保険 health insurance", "moving-in-advance");
        yield return P("bulky-waste", ProcedureKind.Request, "waste",
            "粗大ごみの収集申込", "Book a bulky waste collection",
            "一辺が30cmを超える家具や家電などの粗大ごみを、戸別に収集します。申込後に処理手数料を納め、指定日の朝に出してください。",
            "We collect furniture and other items over 30 cm from your door. After booking, pay the fee and put the items out on the morning of the collection day.",
            "武蔵野市内の家庭。", "Households in Musashino.",
            "申込番号（申込後にお知らせします）", "Your booking number (sent after you book)",
            400, "品目により400円〜2,000円", "400 to 2,000 yen per item", 10, Online | Counter, "そだいごみ 粗大ごみ ごみ 家具 家電 bulky waste garbage", "");
        yield return P("dog-registration", ProcedureKind.Application, "environmental-policy",
            "犬の登録", "Register a dog",
            "生後91日以上の犬は、飼い始めてから30日以内に登録し、毎年狂犬病予防注射を受けさせてください。",
            "Register any dog over 91 days old within 30 days of getting it, and have it vaccinated against rabies every year.",
            "武蔵野市で犬を飼う人。", "Dog owners in Musashino.",
            "狂犬病予防注射済証", "Rabies vaccination certificate",
            3000, "登録手数料3,000円（注射済票は別に550円）", "3,000 yen registration (the vaccination tag is 550 yen more)", 7, Online | Counter, "いぬ 犬 ペット 狂犬病 dog pet", "moving-in-advance");
        yield return P("road-damage-report", ProcedureKind.Report, "road-management",
            "道路・公園の損傷の通報", "Report damage to a road or park",
            "道路の穴、照明の故障、公園の遊具の破損などを見つけたら、場所と写真を送ってください。担当課が確認し、対応の状況をお知らせします。",
            "Found a pothole, a broken street light or damaged play equipment? Send the place and a photo; the division checks it and tells you what happens.",
            "どなたでも。", "Anyone.",
            "場所がわかる情報（地図、住所、目印）\n写真（あれば）", "Where it is (map, address or landmark)\nA photo if you can",
            null, "", "", 5, Online, "どうろ 道路 公園 穴 陥没 街灯 損傷 通報 pothole damage report", "");
        yield return P("facility-group-registration", ProcedureKind.Application, "lifelong-learning",
            "施設利用の団体登録", "Register a group to use public facilities",
            "コミュニティセンターやスポーツ施設を予約・抽選に申し込むため、利用する団体を登録します。登録は2年ごとに更新します。",
            "Register your group to book or enter the lotteries for community centres and sports facilities. Renew the registration every two years.",
            "市内在住・在勤・在学の人を含む団体。", "Groups that include people who live, work or study in Musashino.",
            "代表者の本人確認書類\n団体の名簿", "The representative's proof of identity\nThe group's member list",
            null, "", "", 10, Online | Counter, "しせつ 施設 予約 団体 登録 体育館 コミセン facility group", "");
    }

    private static IEnumerable<LifeEvent> LifeEvents()
    {
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "moving-in",
            SortOrder = 1,
            TitleJa = "引っ越してきた（転入）",
            TitleEn = "Moving to Musashino",
            DescriptionJa = "市外から武蔵野市へ引っ越したときに必要な手続きを確かめましょう。",
            DescriptionEn = "Check what you need to do when you move into Musashino.",
            Questions =
            [
                new("children", "高校生年代までの子どもがいますか", "Do you have children up to high-school age?"),
                new("nursery", "保育所などへの入所を希望しますか", "Do you want a nursery place?"),
                new("nhi", "国民健康保険に加入しますか", "Will you join the National Health Insurance?", "勤務先の健康保険に入らない場合は「はい」", "Yes if you are not covered by an employer's insurance"),
                new("dog", "犬を飼っていますか", "Do you have a dog?"),
                new("care", "要介護・要支援の認定を受けていますか", "Do you have a long-term care certification?"),
            ],
            Items =
            [
                new("moving-in-advance", null, "引っ越してから14日以内", "Within 14 days of moving"),
                new("national-health-insurance-join", "nhi", "14日以内", "Within 14 days"),
                new("child-allowance", "children", "転入の翌日から15日以内", "Within 15 days of moving in"),
                new("child-medical-subsidy", "children"),
                new("school-enrolment", "children", "小・中学生がいる場合", "If you have school-age children"),
                new("nursery-application", "nursery"),
                new("dog-registration", "dog", "30日以内", "Within 30 days"),
                new("long-term-care-application", "care", "前の市区町村の認定を引き継ぐには14日以内", "Within 14 days to carry over your certification"),
            ],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "moving-out",
            SortOrder = 2,
            TitleJa = "引っ越す（転出）",
            TitleEn = "Moving out of Musashino",
            DescriptionJa = "武蔵野市から市外へ引っ越すときの手続きです。",
            DescriptionEn = "What to do when you move away from Musashino.",
            Questions = [new("dog", "犬を飼っていますか", "Do you have a dog?")],
            Items =
            [
                new("moving-out", null, "引っ越しの前後14日以内", "Within 14 days before or after moving"),
                new("juminhyo-copy", null, "新しい住所で必要になる場合", "If your new address needs one"),
                new("dog-registration", "dog", "新しい市区町村で登録を変更", "Update the registration at your new municipality"),
            ],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "birth",
            SortOrder = 3,
            TitleJa = "子どもが生まれた（出生）",
            TitleEn = "Having a baby",
            DescriptionJa = "出生届のあとに必要な手当や助成の手続きをまとめました。",
            DescriptionEn = "The allowances and subsidies to apply for after registering a birth.",
            Questions =
            [
                new("nhi", "子どもは国民健康保険に加入しますか", "Will the child join the National Health Insurance?"),
                new("nursery", "保育所などへの入所を希望しますか", "Do you want a nursery place?"),
            ],
            Items =
            [
                new("birth-notice", null, "生まれた日を含めて14日以内", "Within 14 days including the day of birth"),
                new("child-allowance", null, "出生の翌日から15日以内", "Within 15 days of the birth"),
                new("child-medical-subsidy", null),
                new("national-health-insurance-join", "nhi", "14日以内", "Within 14 days"),
                new("nursery-application", "nursery"),
            ],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "marriage",
            SortOrder = 4,
            TitleJa = "結婚する",
            TitleEn = "Getting married",
            DescriptionJa = "婚姻届と、名前や住所が変わるときの手続きです。",
            DescriptionEn = "Registering a marriage and what changes with your name or address.",
            Questions =
            [
                new("seal", "印鑑登録をしていて、姓が変わりますか", "Is your seal registered, and will your surname change?"),
                new("nhi", "国民健康保険の加入・脱退がありますか", "Will you join or leave the National Health Insurance?"),
            ],
            Items =
            [
                new("marriage-notice", null),
                new("seal-registration", "seal", "姓が変わると登録は廃止されるため、新たに登録", "A change of surname ends the registration: register again"),
                new("national-health-insurance-join", "nhi", "14日以内", "Within 14 days"),
            ],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "bereavement",
            SortOrder = 5,
            TitleJa = "家族が亡くなった（おくやみ）",
            TitleEn = "When someone dies",
            DescriptionJa = "ご家族が亡くなった後の手続きを、おくやみ窓口でまとめて案内します。",
            DescriptionEn = "The bereavement counter guides you through the procedures after a death.",
            Questions = [new("nhi", "亡くなった人は国民健康保険に加入していましたか", "Was the deceased in the National Health Insurance?")],
            Items =
            [
                new("bereavement-appointment", null, "死亡届の提出後に予約", "Book after the death has been registered"),
                new("national-health-insurance-join", "nhi", "資格喪失の届出と葬祭費の申請", "Notify the end of cover and claim the funeral grant"),
            ],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "school",
            SortOrder = 6,
            TitleJa = "入学する",
            TitleEn = "Starting school",
            DescriptionJa = "市立小・中学校への入学や転校の手続きです。",
            DescriptionEn = "Enrolling in or moving to a city school.",
            Questions = [],
            Items = [new("school-enrolment", null, "就学通知が届いたら確認", "Check when the enrolment notice arrives")],
        };
        yield return new LifeEvent
        {
            Id = Guid.NewGuid(),
            Slug = "care",
            SortOrder = 7,
            TitleJa = "介護が必要になった",
            TitleEn = "Needing long-term care",
            DescriptionJa = "介護サービスを使い始めるための手続きです。",
            DescriptionEn = "How to start using care services.",
            Questions = [],
            Items = [new("long-term-care-application", null)],
        };
    }
}
