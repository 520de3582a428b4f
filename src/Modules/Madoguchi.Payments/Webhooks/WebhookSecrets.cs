using Microsoft.Extensions.Configuration;

namespace Madoguchi.Payments.Webhooks;

/// <summary>
/// Per-organisation webhook secrets from configuration: <c>Payments:Webhooks:Secrets:{organisation code}</c>.
/// Only in demo mode (<c>Seed:Demo=true</c>) does an organisation without one fall back to
/// <see cref="DevelopmentSecret"/>, which is public and must never protect real money.
/// </summary>
public sealed class WebhookSecrets(IConfiguration configuration)
{
    /// <summary>DEVELOPMENT ONLY, used solely when Seed:Demo is true. Not a secret: it is in the repository.</summary>
    public const string DevelopmentSecret = "development-only-simulated-gateway-webhook-secret";

    public string? For(string organizationCode)
    {
        var configured = configuration[$"Payments:Webhooks:Secrets:{organizationCode}"];
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return configuration.GetValue<bool>("Seed:Demo") ? DevelopmentSecret : null;
    }
}
