namespace Madoguchi.Payments.Payments;

/// <summary>Display helpers for payments.</summary>
public static class PaymentText
{
    /// <summary>16 digits as 4-4-4-4 (as printed on slips).</summary>
    public static string GroupedNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Join('-', number.Chunk(4).Select(c => new string(c)));
    }
}
