using System.Globalization;
using System.Text;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Email;

namespace Madoguchi.Bookings.Reservations;

/// <summary>The emails of a booking's life, Japanese first then English, with the .ics attached where it helps.</summary>
public static class BookingEmails
{
    public enum Kind
    {
        Confirmed,
        Changed,
        Cancelled,
        Reminder,
        ProvisionalWin,

        /// <summary>仮予約: booked, to be paid by the deadline.</summary>
        AwaitingPayment,

        /// <summary>Paid: the 仮予約 is now 本予約.</summary>
        Paid,

        /// <summary>Not paid in time: 失効, the place is given back.</summary>
        Lapsed,
    }

    public static EmailMessage For(Kind kind, Reservation reservation, Resource resource, string organizationCode, string organizationName, string manageUrl, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(resource);
        var (subjectJa, subjectEn, leadJa, leadEn) = kind switch
        {
            Kind.Confirmed => ("予約を受け付けました", "Your booking is confirmed", "次の内容で予約を受け付けました。", "We have booked the following for you."),
            Kind.Changed => ("予約を変更しました", "Your booking has changed", "予約を次の内容に変更しました。", "Your booking now reads as follows."),
            Kind.Cancelled => ("予約を取り消しました", "Your booking is cancelled", "次の予約を取り消しました。", "The following booking is cancelled."),
            Kind.Reminder => ("明日のご予約のお知らせ", "Reminder: your booking tomorrow", "明日、次の予約があります。", "You have the following booking tomorrow."),
            Kind.AwaitingPayment => ("仮予約を受け付けました（お支払いが必要です）", "Provisional booking: please pay to confirm",
                "次の内容で仮予約を受け付けました。お支払い期限までに使用料をお支払いいただくと予約が確定します。期限を過ぎると予約は失効します。",
                "We have provisionally booked the following for you. Pay the fee by the deadline to confirm it; unpaid, it lapses at the deadline."),
            Kind.Paid => ("お支払いを確認しました（予約確定）", "Payment received: your booking is confirmed", "お支払いを確認し、次の予約が確定しました。", "We have received your payment and your booking is confirmed."),
            Kind.Lapsed => ("お支払い期限を過ぎたため予約は失効しました", "Your booking lapsed: it was not paid in time",
                "お支払い期限までにお支払いが確認できなかったため、次の仮予約は失効し、枠は他の方が予約できるようになりました。", "We did not receive the payment by the deadline, so the following provisional booking has lapsed and the slot is free for others."),
            _ => ("抽選に当選しました（確定手続きが必要です）", "You won the lottery: please confirm", "抽選の結果、次の枠に当選しました。期限までに確定してください。", "You won the following slot in the lottery. Confirm it before the deadline."),
        };
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{reservation.Name} 様")
            .AppendLine()
            .AppendLine(leadJa)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"予約番号: {reservation.Reference}")
            .AppendLine(CultureInfo.InvariantCulture, $"内容: {resource.NameJa}")
            .AppendLine(CultureInfo.InvariantCulture, $"日時: {Tokyo.Range(reservation.StartsAt, reservation.EndsAt, english: false)}")
            .AppendLine(CultureInfo.InvariantCulture, $"場所: {(reservation.VideoLink is null ? resource.LocationJa : "オンライン " + reservation.VideoLink)}");
        if (reservation.FeeYen > 0)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"料金: {reservation.FeeYen:N0}円");
        }

        if (reservation.ConfirmBy is { } confirmBy && kind == Kind.ProvisionalWin)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{(reservation.FeeYen > 0 ? "お支払い期限" : "確定期限")}: {Tokyo.LongDateTime(confirmBy, english: false)}");
        }

        if (reservation.ConfirmBy is { } payBy && kind is Kind.AwaitingPayment)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"お支払い期限: {Tokyo.LongDateTime(payBy, english: false)} まで（オンラインで支払えます）");
        }

        if (kind is not (Kind.Cancelled or Kind.Lapsed))
        {
            body.AppendLine().AppendLine("変更・取消・確定はこちら（このリンクは他の人に教えないでください）:").AppendLine(manageUrl);
        }

        body.AppendLine().AppendLine("----").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Dear {reservation.Name},")
            .AppendLine()
            .AppendLine(leadEn)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reference: {reservation.Reference}")
            .AppendLine(CultureInfo.InvariantCulture, $"What: {resource.NameEn}")
            .AppendLine(CultureInfo.InvariantCulture, $"When: {Tokyo.Range(reservation.StartsAt, reservation.EndsAt, english: true)} (Japan time)")
            .AppendLine(CultureInfo.InvariantCulture, $"Where: {(reservation.VideoLink is null ? resource.LocationEn : "Online " + reservation.VideoLink)}");
        if (reservation.FeeYen > 0)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Fee: {reservation.FeeYen:N0} yen");
        }

        if (reservation.ConfirmBy is { } payByEn && (kind is Kind.AwaitingPayment || (kind is Kind.ProvisionalWin && reservation.FeeYen > 0)))
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Pay by: {Tokyo.LongDateTime(payByEn, english: true)} (Japan time; you can pay online)");
        }

        if (kind is not (Kind.Cancelled or Kind.Lapsed))
        {
            body.AppendLine().AppendLine("Change, cancel or confirm here (keep this link to yourself):").AppendLine(manageUrl);
        }

        body.AppendLine().AppendLine(organizationName);
        var ics = IcsBuilder.ForReservation(reservation, resource, organizationCode, organizationName, manageUrl, nowUtc);
        var method = kind is Kind.Cancelled or Kind.Lapsed ? "CANCEL" : "REQUEST";
        return new EmailMessage(
            reservation.Email,
            $"【{organizationName}】{subjectJa} / {subjectEn}（{reservation.Reference}）",
            body.ToString(),
            [new EmailAttachment($"{reservation.Reference}.ics", $"{IcsBuilder.ContentType}; charset=utf-8; method={method}", IcsBuilder.Bytes(ics))]);
    }

    public static EmailMessage WaitlistOffer(string to, string name, Resource resource, DateTime startsAt, DateTime endsAt, DateTime expiresAt, string offerUrl, string organizationName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{name} 様")
            .AppendLine()
            .AppendLine("キャンセル待ちをしていた枠に空きが出ました。期限までに次のリンクから予約を確定してください。期限を過ぎると次の方に案内します。")
            .AppendLine(CultureInfo.InvariantCulture, $"内容: {resource.NameJa}")
            .AppendLine(CultureInfo.InvariantCulture, $"日時: {Tokyo.Range(startsAt, endsAt, english: false)}")
            .AppendLine(CultureInfo.InvariantCulture, $"期限: {Tokyo.LongDateTime(expiresAt, english: false)}")
            .AppendLine(offerUrl)
            .AppendLine().AppendLine("----").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Dear {name},")
            .AppendLine()
            .AppendLine("A place has opened in the slot you were waiting for. Take it with the link below before the deadline; after that it goes to the next person.")
            .AppendLine(CultureInfo.InvariantCulture, $"What: {resource.NameEn}")
            .AppendLine(CultureInfo.InvariantCulture, $"When: {Tokyo.Range(startsAt, endsAt, english: true)} (Japan time)")
            .AppendLine(CultureInfo.InvariantCulture, $"Deadline: {Tokyo.LongDateTime(expiresAt, english: true)}")
            .AppendLine(offerUrl)
            .AppendLine().AppendLine(organizationName);
        return new EmailMessage(to, $"【{organizationName}】キャンセル待ちの枠が空きました / A place is free for you", body.ToString());
    }
}
