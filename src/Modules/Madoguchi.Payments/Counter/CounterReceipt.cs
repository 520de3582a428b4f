using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Payments.Counter;

/// <summary>
/// A payment taken at the counter (窓口収納) and its receipt (領収書): one per payment — a unique index
/// on <see cref="PaymentId"/> makes a double click or two staff at once end in one record. Audited
/// (money, written by staff; not in volume).
/// </summary>
public sealed class CounterReceipt : ITenantOwned
{
    public const int MaxNoteLength = 200;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PaymentId { get; set; }

    /// <summary>領収番号, e.g. <c>R20261206-483920</c>: the JST date and six random digits (unique per organisation).</summary>
    public required string ReceiptNumber { get; set; }

    /// <summary>One of <see cref="CounterMethods.All"/>.</summary>
    public required string Method { get; set; }

    public long AmountYen { get; set; }

    /// <summary>Staff who took the money (<c>user:…</c>) and their display name for the printed receipt.</summary>
    public required string ReceivedBy { get; set; }

    public required string ReceivedByName { get; set; }

    public DateTime ReceivedAt { get; set; }
}

/// <summary>How money is taken at the counter: cash (現金) or a cashless method (キャッシュレス).</summary>
public static class CounterMethods
{
    public const string Cash = "cash";

    public static readonly IReadOnlyList<string> All = [Cash, "credit-card", "e-money", "qr-code", "debit-card"];

    public static bool IsCash(string method) => method == Cash;
}
