using System.Text;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Notifications;

/// <summary>
/// 通知テンプレート: the organisation's wording (stored in the database, seeded from <see cref="Defaults"/>),
/// falling back to the defaults when a row is missing. Placeholders are <c>{name}</c>; unknown ones stay as they are.
/// </summary>
public sealed class NotificationTemplates(MadoguchiDb db)
{
    public sealed record Text(string Subject, string Body);

    public static IReadOnlyDictionary<(string Kind, string Language), Text> Defaults { get; } = new Dictionary<(string, string), Text>
    {
        [(NotificationKinds.Received, "ja")] = new("【受理】{procedure}（受付番号 {receiptNumber}）",
            "{procedure} の申請を受理し、担当課で審査を始めました。\n\n受付番号: {receiptNumber}\n処理期限の目安: {dueDate}\n\n申請の状況はこちらで確認できます（このリンクは他の人に教えないでください）:\n{statusUrl}\n"),
        [(NotificationKinds.Received, "en")] = new("Your application is being reviewed: {procedure} ({receiptNumber})",
            "The department has started reviewing your application: {procedure}.\n\nReceipt number: {receiptNumber}\nExpected by: {dueDate}\n\nFollow your application here (do not share this link):\n{statusUrl}\n"),
        [(NotificationKinds.CorrectionRequested, "ja")] = new("【補正のお願い】{procedure}（受付番号 {receiptNumber}）",
            "{procedure} の申請について、担当課から補正（修正・追加）のお願いがあります。\n\n担当課からのお願い:\n{message}\n\n直していただく項目: {fields}\n\n次のリンクから、お願いした項目だけを直して再提出してください（{expires} まで有効、1回だけ使えます。他の人に教えないでください）:\n{correctionUrl}\n\n受付番号: {receiptNumber}\n"),
        [(NotificationKinds.CorrectionRequested, "en")] = new("Please correct your application: {procedure} ({receiptNumber})",
            "The department asks you to correct or add something to your application: {procedure}.\n\nWhat the department asks:\n{message}\n\nAnswers to correct: {fields}\n\nOpen this link, change only what is asked and send it again (it works once, until {expires}; do not share it):\n{correctionUrl}\n\nReceipt number: {receiptNumber}\n"),
        [(NotificationKinds.Decision, "ja")] = new("【決定のお知らせ】{procedure}（受付番号 {receiptNumber}）",
            "{procedure} の申請について、審査の結果、却下となりました。\n\n理由:\n{reason}\n\n詳しくは担当課にお問い合わせください。申請の状況: {statusUrl}\n"),
        [(NotificationKinds.Decision, "en")] = new("Decision on your application: {procedure} ({receiptNumber})",
            "After review, your application ({procedure}) has been refused.\n\nReason:\n{reason}\n\nPlease contact the department for details. Your application: {statusUrl}\n"),
        [(NotificationKinds.Completed, "ja")] = new("【完了】{procedure}（受付番号 {receiptNumber}）",
            "{procedure} の手続が完了しました。\n\n受付番号: {receiptNumber}\n申請の状況: {statusUrl}\n"),
        [(NotificationKinds.Completed, "en")] = new("Completed: {procedure} ({receiptNumber})",
            "Your application ({procedure}) has been completed.\n\nReceipt number: {receiptNumber}\nYour application: {statusUrl}\n"),
        [(NotificationKinds.Reminder, "ja")] = new("【再送・補正のお願い】{procedure}（受付番号 {receiptNumber}）",
            "{procedure} の申請について、補正のお願いにまだお答えいただいていません。\n\n担当課からのお願い:\n{message}\n\n次のリンクから補正してください（{expires} まで）:\n{correctionUrl}\n"),
        [(NotificationKinds.Reminder, "en")] = new("Reminder: please correct your application: {procedure} ({receiptNumber})",
            "We are still waiting for your correction to your application: {procedure}.\n\nWhat the department asks:\n{message}\n\nPlease make the correction here (until {expires}):\n{correctionUrl}\n"),
    };

    public async Task<Text> GetAsync(string kind, string language, CancellationToken cancellationToken)
    {
        language = language == "en" ? "en" : "ja";
        var stored = await db.Set<NotificationTemplate>().AsNoTracking().Where(t => t.Kind == kind && t.Language == language)
            .Select(t => new Text(t.Subject, t.Body)).FirstOrDefaultAsync(cancellationToken);
        return stored ?? Defaults[(kind, language)];
    }

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var result = new StringBuilder(template);
        foreach (var (key, value) in values)
        {
            result.Replace("{" + key + "}", value);
        }

        return result.ToString();
    }
}
