using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Payments.Payments;

/// <summary>Where a payment (決済) is in its life; stored as lower-case text.</summary>
public enum PaymentStatus
{
    Created,
    Started,
    Authorised,
    Captured,
    PartiallyRefunded,
    Refunded,
    Failed,
    Cancelled,
    Expired,
}

/// <summary>
/// One payment of a fee (手数料) for a reference (a receipt number, booking reference…). Amounts are
/// whole yen (円) as <see cref="long"/>, never floating point. Every change goes through
/// <see cref="PaymentService"/>, which checks <see cref="PaymentLifecycle"/>, bumps
/// <see cref="Version"/> (optimistic concurrency on both databases) and writes a
/// <see cref="PaymentTransition"/>; the row itself is audited by <c>MadoguchiDb</c> (ADR 0060).
/// </summary>
public sealed class Payment : ITenantOwned
{
    public const int MaxReferenceLength = 100;
    public const int MaxDescriptionLength = 255;
    public const int MaxReturnUrlLength = 2000;
    public const long MaxAmountYen = 100_000_000;
    public const int MaxPayerNameLength = 100;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The caller's reference (申請番号・予約番号…), e.g. <c>MSN-2026-000123</c>.</summary>
    public required string Reference { get; set; }

    /// <summary>Payment number (納付番号) printed on slips and receipts: 16 digits.</summary>
    public required string PaymentNumber { get; set; }

    public required string Description { get; set; }

    /// <summary>Amount due in yen (金額).</summary>
    public long AmountYen { get; set; }

    /// <summary>Amount the gateway captured (収納額); 0 until captured.</summary>
    public long CapturedYen { get; set; }

    /// <summary>Sum of refunds (還付額); never more than <see cref="CapturedYen"/> (a check constraint backs it).</summary>
    public long RefundedYen { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary>Why it failed (e.g. <c>card_declined</c>), see <see cref="FailureCodes"/>.</summary>
    public string? FailureCode { get; set; }

    /// <summary>Where the citizen goes after paying; validated against the organisation's hosts (no open redirect).</summary>
    public required string ReturnUrl { get; set; }

    /// <summary>Gateway that handles it: <c>simulated</c> or <c>card</c>.</summary>
    public required string Gateway { get; set; }

    /// <summary>Channel: <c>online</c>, or <c>counter-cash</c> / <c>counter-cashless</c> (窓口収納).</summary>
    public string Channel { get; set; } = "online";

    /// <summary>Payer (納付者) printed on the slip; optional, personal data: never logged.</summary>
    public string? PayerName { get; set; }

    /// <summary>Due date (納期限, JST) printed on the slip; optional.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Department (所管課) credited in reconciliation; optional.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Who asked for it (<c>apikey:…</c>, <c>user:…</c>).</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When an unpaid payment expires (期限切れ).</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? CapturedAt { get; set; }

    /// <summary>Optimistic concurrency token, +1 on every change.</summary>
    public int Version { get; set; }

    /// <summary>What can still be refunded (GOV.UK Pay's <c>refund_amount_available</c>).</summary>
    public long RefundAmountAvailable => Status is PaymentStatus.Captured or PaymentStatus.PartiallyRefunded ? CapturedYen - RefundedYen : 0;

    /// <summary>The part of the reference before the first hyphen (<c>MSN-2026-1</c> → <c>MSN</c>), for reconciliation.</summary>
    public string ReferencePrefix => Reference.Split('-', 2)[0];
}

/// <summary>
/// One step in a payment's history (決済履歴): from, to, when, by whom, why. Append-only. Exempt from
/// the automatic audit because the same transaction already audits the change of the
/// <see cref="Payment"/> row; this table is the readable history and the source of reconciliation.
/// </summary>
public sealed class PaymentTransition : ITenantOwned, IAuditExempt
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PaymentId { get; set; }
    public PaymentStatus From { get; set; }
    public PaymentStatus To { get; set; }

    /// <summary>Money moved by this step: the captured amount, a refund's amount, else 0.</summary>
    public long AmountYen { get; set; }

    public string? FailureCode { get; set; }

    /// <summary><c>api</c>, <c>gateway-page</c>, <c>webhook</c>, <c>poll</c>, <c>counter</c>, <c>refund</c>, <c>expiry</c>.</summary>
    public required string Source { get; set; }

    public string Actor { get; set; } = "";
    public DateTime OccurredAt { get; set; }
}

/// <summary>Failure codes (失敗理由) shown to callers and citizens.</summary>
public static class FailureCodes
{
    public const string CardDeclined = "card_declined";
    public const string InsufficientFunds = "insufficient_funds";
    public const string ExpiredCard = "expired_card";
    public const string Abandoned = "abandoned";
    public const string TimedOut = "timed_out";
    public const string GatewayError = "gateway_error";

    /// <summary>Codes the simulated gateway's decline button can send.</summary>
    public static readonly IReadOnlyList<string> Declines = [CardDeclined, InsufficientFunds, ExpiredCard, GatewayError];

    public static bool IsKnown(string? code) => code is not null && (Declines.Contains(code) || code is Abandoned or TimedOut);
}
