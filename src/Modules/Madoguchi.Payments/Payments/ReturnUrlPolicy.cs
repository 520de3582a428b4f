using Madoguchi.Platform.Tenancy;
using Microsoft.Extensions.Configuration;

namespace Madoguchi.Payments.Payments;

/// <summary>
/// Where a citizen may be sent back after paying: an absolute http(s) URL on one of the
/// organisation's own host names, or on a host in <c>Payments:ReturnUrlAllowList</c> (space- or
/// comma-separated). Anything else would make the payment pages an open redirect.
/// </summary>
public sealed class ReturnUrlPolicy(IConfiguration configuration)
{
    public bool IsAllowed(string? returnUrl, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (string.IsNullOrWhiteSpace(returnUrl) || returnUrl.Length > Payment.MaxReturnUrlLength
            || !Uri.TryCreate(returnUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var allowList = (configuration["Payments:ReturnUrlAllowList"] ?? "")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return organization.AnswersOn(uri.Host) || allowList.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }
}
