using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Madoguchi.Platform.Audit;

/// <summary>Who is acting, as written in the audit log.</summary>
public interface ICurrentActor
{
    string Actor { get; }
}

/// <summary>Reads the actor from the current request: a staff user, an API key, or anonymous.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    /// <summary>Claim type carried by API-key principals.</summary>
    public const string ApiKeyIdClaim = "madoguchi:api-key-id";

    public string Actor
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user is null)
            {
                return "system";
            }

            var apiKey = user.FindFirstValue(ApiKeyIdClaim);
            if (apiKey is not null)
            {
                return "apikey:" + apiKey;
            }

            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return id is null ? "anonymous" : "user:" + id;
        }
    }
}
