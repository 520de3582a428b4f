namespace Madoguchi.Bookings.Scheduling;

/// <summary>Why a booking was refused, in plain Japanese and English, and as a stable code for the API.</summary>
public static class RefusalText
{
    public static string Code(Refusal refusal) => refusal switch
    {
        Refusal.InThePast => "in-the-past",
        Refusal.TooSoon => "too-soon",
        Refusal.BeyondHorizon => "beyond-horizon",
        Refusal.Closed => "closed",
        Refusal.Holiday => "holiday",
        Refusal.YearEnd => "year-end",
        Refusal.NotASlot => "not-a-slot",
        Refusal.Full => "full",
        Refusal.MonthlyLimit => "monthly-limit",
        Refusal.InLottery => "in-lottery",
        Refusal.CancelDeadlinePassed => "deadline-passed",
        Refusal.NotPublished => "not-found",
        _ => "none",
    };

    public static string Ja(Refusal refusal) => refusal switch
    {
        Refusal.InThePast => "過ぎた時間は予約できません。",
        Refusal.TooSoon => "この時間の予約受付は締め切りました。もっと後の時間を選んでください。",
        Refusal.BeyondHorizon => "まだ予約を受け付けていない日です。受付期間内の日を選んでください。",
        Refusal.Closed => "この日は休業日です。",
        Refusal.Holiday => "この日は祝日のため休業です。",
        Refusal.YearEnd => "年末年始（12月29日〜1月3日）は休業です。",
        Refusal.NotASlot => "この時間は予約枠ではありません。空き状況から選んでください。",
        Refusal.Full => "申し訳ありません。この枠はちょうど満員になりました。ほかの空いている枠を選んでください。",
        Refusal.MonthlyLimit => "1か月に予約できる回数の上限に達しています。",
        Refusal.InLottery => "この枠は抽選の対象です。抽選が終わるまで先着順の予約はできません。",
        Refusal.CancelDeadlinePassed => "変更・取消の受付期限を過ぎています。窓口に電話でご連絡ください。",
        Refusal.NotPublished => "この予約対象は見つかりません。",
        _ => "",
    };

    public static string En(Refusal refusal) => refusal switch
    {
        Refusal.InThePast => "That time has passed.",
        Refusal.TooSoon => "Booking for that time has closed; choose a later time.",
        Refusal.BeyondHorizon => "That day is not open for booking yet; choose a day within the booking period.",
        Refusal.Closed => "Closed on that day.",
        Refusal.Holiday => "Closed on that day: it is a national holiday.",
        Refusal.YearEnd => "Closed for the New Year holidays (29 December to 3 January).",
        Refusal.NotASlot => "That is not a bookable time; choose one from the availability.",
        Refusal.Full => "Sorry, that slot has just filled up. Please choose another free slot.",
        Refusal.MonthlyLimit => "You have reached the number of bookings allowed per month.",
        Refusal.InLottery => "That slot is allocated by lottery; it is not open first-come until the lottery ends.",
        Refusal.CancelDeadlinePassed => "The deadline for changes and cancellations has passed; please call the counter.",
        Refusal.NotPublished => "There is no such bookable resource.",
        _ => "",
    };

    public static string Text(Refusal refusal, bool english) => english ? En(refusal) : Ja(refusal);
}
