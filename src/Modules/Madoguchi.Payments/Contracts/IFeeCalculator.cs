namespace Madoguchi.Payments.Contracts;

/// <summary>
/// The fee (手数料) of one application as computed from its answers. <see cref="AmountYen"/> is what
/// the citizen pays: 0 when exempt (免除), with <see cref="ExemptionReason"/> saying why.
/// </summary>
public sealed record FeeQuote(long AmountYen, long GrossYen, string? ExemptionReason, string? Label)
{
    /// <summary>Further charges paid with the fee (e.g. 郵送料), included in <see cref="AmountYen"/>; never waived.</summary>
    public IReadOnlyList<FeeCharge> Charges { get; init; } = [];

    /// <summary>The fee itself (手数料), after any exemption: <see cref="AmountYen"/> without the charges.</summary>
    public long FeeYen => AmountYen - Charges.Sum(c => c.AmountYen);

    public bool IsExempt => ExemptionReason is not null;

    public bool IsDue => AmountYen > 0;

    public static readonly FeeQuote None = new(0, 0, null, null);
}

/// <summary>What a fee is computed from: the procedure, its computed values (JSON object of id → value) and the answers.</summary>
public sealed record FeeRequest(string ProcedureSlug, IReadOnlyDictionary<string, decimal?> Computed, IReadOnlyDictionary<string, string?> Answers,
    IReadOnlySet<string> FeeComputedIds, int? CatalogFeeYen)
{
    /// <summary>Further charges the form computes beside the fee (its other <c>isFee</c> values, e.g. 郵送料).</summary>
    public IReadOnlyList<FeeCharge> Charges { get; init; } = [];
}

/// <summary>A charge paid with the fee but not part of it (e.g. 郵送料 with electronic payment): an exemption never waives it.</summary>
public sealed record FeeCharge(string LabelJa, string LabelEn, long AmountYen);

/// <summary>
/// Computes a submission's fee: the form's fee value (a computed value marked <c>isFee</c>, e.g.
/// 通数 × 300円) when it has one, else the procedure catalog's fee; then exemptions (免除) with a reason.
/// </summary>
public interface IFeeCalculator
{
    FeeQuote Calculate(FeeRequest request);
}
