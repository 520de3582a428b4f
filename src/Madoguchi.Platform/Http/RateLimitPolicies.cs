namespace Madoguchi.Platform.Http;

/// <summary>Names of the host's rate-limit policies, for modules to apply to their endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Staff sign-in attempts per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Public API and page requests per client address.</summary>
    public const string PublicApi = "public-api";
}
