using Madoguchi.Payments.Contracts;

namespace Madoguchi.Payments.Fees;

/// <summary>
/// The fee (手数料) from the answers: the form's fee value (a computed value marked <c>isFee</c>, by
/// convention id <c>fee</c>, e.g. juminhyo-copy: 通数 × 300円) when present, else the procedure
/// catalog's fee. Exempt (免除, 0円) when the answer <c>feeExemption</c> names a reason: a known code
/// (生活保護受給・公用請求・災害) or the text given.
/// </summary>
public sealed class FeeCalculator : IFeeCalculator
{
    /// <summary>The answer whose value names an exemption (免除理由).</summary>
    public const string ExemptionField = "feeExemption";

    /// <summary>The computed value used when a form marks none explicitly.</summary>
    public const string DefaultFeeId = "fee";

    private static readonly Dictionary<string, string> KnownExemptions = new(StringComparer.Ordinal)
    {
        ["public-assistance"] = "生活保護受給者（手数料免除）",
        ["official"] = "公用請求（手数料免除）",
        ["disaster"] = "災害による減免",
    };

    public FeeQuote Calculate(FeeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        decimal? value = null;
        foreach (var id in request.FeeComputedIds.Count > 0 ? request.FeeComputedIds : new HashSet<string> { DefaultFeeId })
        {
            if (request.Computed.TryGetValue(id, out var computed) && computed is not null)
            {
                value = computed;
                break;
            }
        }

        value ??= request.CatalogFeeYen;
        // Whole yen: fees are integers; a fraction (never expected) is rounded down, never up, against the citizen.
        var gross = value is { } fee && fee > 0 ? (long)decimal.Floor(fee) : 0;
        var charges = request.Charges.Where(c => c.AmountYen > 0).ToList();
        var extra = charges.Sum(c => c.AmountYen);
        if (gross == 0 && extra == 0)
        {
            return FeeQuote.None;
        }

        // An exemption (免除) waives the fee, never the charges paid with it (postage is the post office's).
        if (gross > 0 && request.Answers.TryGetValue(ExemptionField, out var exemption) && !string.IsNullOrWhiteSpace(exemption) && exemption is not "none" and not "no")
        {
            var reason = KnownExemptions.TryGetValue(exemption, out var known) ? known : exemption.Trim();
            return new FeeQuote(extra, gross + extra, reason, "手数料") { Charges = charges };
        }

        return new FeeQuote(gross + extra, gross + extra, null, "手数料") { Charges = charges };
    }
}
