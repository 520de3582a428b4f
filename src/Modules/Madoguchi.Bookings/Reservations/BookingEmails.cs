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
            body.AppendLine(CultureInfo.InvariantCulture, $"確定期限: {Tokyo.LongDateTime(confirmBy, english: false)}");
        }

        if (kind != Kind.Cancelled)
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

        if (kind != Kind.Cancelled)
        {
            body.AppendLine().AppendLine("Change, cancel or confirm here (keep this link to yourself):").AppendLine(manageUrl);
        }

        body.AppendLine().AppendLine(organizationName);
        var ics = IcsBuilder.ForReservation(reservation, resource, organizationCode, organizationName, manageUrl, nowUtc);
        var method = kind == Kind.Cancelled ? "CANCEL" : "REQUEST";
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
