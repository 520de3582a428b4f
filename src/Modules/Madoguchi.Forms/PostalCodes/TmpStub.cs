namespace Madoguchi.Forms.PostalCodes;

public interface IPostalCodeDirectory
{
    System.Threading.Tasks.Task<string?> LookupAsync(string postalCode, System.Threading.CancellationToken cancellationToken);
}

internal sealed class TmpPostalCodeDirectory : IPostalCodeDirectory
{
    public System.Threading.Tasks.Task<string?> LookupAsync(string postalCode, System.Threading.CancellationToken cancellationToken) =>
        System.Threading.Tasks.Task.FromResult<string?>(postalCode.Replace("-", "", System.StringComparison.Ordinal) == "1800001" ? "東京都武蔵野市吉祥寺北町" : null);
}
