using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Routing;

namespace Madoguchi.Tests.Security;

/// <summary>
/// Who may call what, for EVERY route endpoint of the app (API and Razor pages), read from the app's routing:
/// each endpoint has one rule in <see cref="Rules"/>; a new endpoint without a rule fails this test. Every
/// endpoint is called as anonymous, as staff of another department, with an API key lacking the scope, with
/// another organisation's key, and with a Musashino staff cookie on another organisation's host.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    internal enum Access
    {
        /// <summary>Anyone (citizens): no sign-in.</summary>
        Public,

        /// <summary>Any signed-in staff member of the organisation (staff cookie).</summary>
        StaffAny,

        /// <summary>Staff of the owning department only: <see cref="Rule.Sample"/> is a 市民課 item that 子ども子育て支援課 staff must not see.</summary>
        StaffDepartment,

        /// <summary>System administrators (staff cookie).</summary>
        Admin,

        /// <summary>An API key with <see cref="Rule.Scope"/>.</summary>
        ApiScope,

        /// <summary>An API call with a staff cookie (no key).</summary>
        ApiStaff,

        /// <summary>Staff with the ItPolicy or SystemAdmin role (DX plan evaluation, public comment processing).</summary>
        ItPolicy,

        /// <summary>The caller proves who it is in the request itself (a registered group's id and password): anonymous gets 401.</summary>
        OwnCredential,

        /// <summary>The second step of signing in: only between the password and the code; anyone else is sent to sign in.</summary>
        SignInStep,

        /// <summary>A page that explains a refusal (access denied): any caller gets the explanation, never a 5xx.</summary>
        Explanation,

        /// <summary>A signed-in citizen (住民アカウント, its own cookie): anyone else, staff included, is sent to the citizens' sign-in.</summary>
        Citizen,

        /// <summary>A staff API that takes either a signed-in staff member (data limited to their departments) or a key with <see cref="Rule.Scope"/>.</summary>
        ApiScopeOrStaff,
    }

    internal sealed record Rule(Access Access, string? Scope = null, string? Sample = null);

    private static Rule Api(string scope) => new(Access.ApiScope, scope);

    /// <summary>THE table: one rule per endpoint. Add a new endpoint here with the narrowest rule that fits.</summary>
    internal static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        // Platform: pages
        ["PAGE /"] = new(Access.Public),
        ["PAGE /Index"] = new(Access.Public),
        ["PAGE /privacy"] = new(Access.Public),
        ["PAGE /accessibility"] = new(Access.Public),
        ["PAGE /error"] = new(Access.Public),
        ["PAGE /status/{code:int}"] = new(Access.Public, Sample: "/status/404"),
        ["PAGE /staff/sign-in"] = new(Access.Public),
        ["PAGE /staff/two-factor"] = new(Access.SignInStep),
        ["PAGE /staff/access-denied"] = new(Access.Explanation),
        ["PAGE /staff/sign-out"] = new(Access.Public),
        ["PAGE /staff"] = new(Access.StaffAny),
        ["PAGE /staff/security"] = new(Access.StaffAny),
        ["PAGE /staff/directory"] = new(Access.StaffAny),
        ["PAGE /staff/admin/api-keys"] = new(Access.Admin),
        ["PAGE /staff/admin/outbox"] = new(Access.Admin),
        ["PAGE /staff/admin/audit"] = new(Access.Admin),

        // Platform: infrastructure and API
        ["PAGE /healthz"] = new(Access.Public),
        ["PAGE /metrics"] = new(Access.Public),
        ["GET /api/reference/favicon.svg"] = new(Access.Public),
        ["GET /api/reference/scalar.aspnetcore.js"] = new(Access.Public),
        ["GET /api/reference/scalar.js"] = new(Access.Public),
        ["GET /openapi/{documentName}.json"] = new(Access.Public, Sample: "/openapi/v1.json"),
        ["GET /api/reference/{documentName?}"] = new(Access.Public, Sample: "/api/reference"),
        ["GET /language/{culture}"] = new(Access.Public, Sample: "/language/en"),
        ["GET /api/v1/organization"] = Api(ApiScopes.OrganizationRead),
        ["GET /api/v1/departments"] = Api(ApiScopes.OrganizationRead),
        ["GET /api/v1/staff"] = Api(ApiScopes.StaffRead),
        ["GET /api/v1/api-keys"] = Api(ApiScopes.ApiKeysManage),
        ["POST /api/v1/api-keys"] = Api(ApiScopes.ApiKeysManage),
        ["DELETE /api/v1/api-keys/{id:guid}"] = Api(ApiScopes.ApiKeysManage),
        ["GET /api/v1/audit/verify"] = Api(ApiScopes.AuditRead),
        ["GET /api/v1/audit/entries"] = Api(ApiScopes.AuditRead),
        ["GET /api/v1/outbox/dead-letters"] = Api(ApiScopes.OutboxManage),
        ["POST /api/v1/outbox/{id:guid}/retry"] = Api(ApiScopes.OutboxManage),

        // 住民アカウント (ADR 0011): sign-in by email link (the link is the capability), the citizen's own pages.
        ["PAGE /account/sign-in"] = new(Access.Public),
        ["PAGE /account/check-email"] = new(Access.Public),
        ["PAGE /account/sign-in/{token}"] = new(Access.Public),
        ["PAGE /account/sign-out"] = new(Access.Public),
        ["PAGE /account/oidc"] = new(Access.Public), // 404 unless Citizens:Oidc is configured; then a redirect to the provider
        ["PAGE /account/profile"] = new(Access.Citizen),
        ["PAGE /account/applications"] = new(Access.Citizen),
        ["PAGE /account/security"] = new(Access.Citizen), // passkeys (ADR 0063)

        // Cases (案件)
        ["GET /api/v1/cases/"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["GET /api/v1/cases/{id:guid}"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["POST /api/v1/cases/{id:guid}/actions"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["POST /api/v1/cases/{id:guid}/assignee"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["POST /api/v1/cases/{id:guid}/notes"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["GET /api/v1/cases/statistics"] = new(Access.ApiStaff),
        // 補正依頼: the staff page's form (post/redirect/get), and the applicant's page (the link is the capability).
        ["POST /staff/cases/{id:guid}/corrections"] = new(Access.StaffAny),
        ["PAGE /correct/{token}"] = new(Access.Public),
        ["GET /api/v1/cases/export.csv"] = new(Access.ApiScopeOrStaff, ApiScopes.Cases),
        ["PAGE /staff/cases"] = new(Access.StaffAny),
        ["PAGE /staff/cases/export.csv"] = new(Access.StaffAny),
        ["PAGE /staff/cases/{id:guid}"] = new(Access.StaffDepartment),
        ["GET /api/v1/cases/statistics/channels"] = new(Access.ApiStaff),
        ["PAGE /staff/statistics/channels"] = new(Access.ItPolicy),
        ["PAGE /staff/notices/templates"] = new(Access.Admin),
        ["PAGE /staff/notices/templates/{kind}/{language}"] = new(Access.Admin, Sample: "/staff/notices/templates/received/ja"),
        // 書かない窓口 (ADR 0054): any staff member sees the page (it lists only their departments' procedures and visits);
        // a counter draft and its printed application belong to the procedure's department.
        ["PAGE /staff/counter"] = new(Access.StaffAny),
        ["PAGE /staff/counter/{draftId:guid}/{stepId}"] = new(Access.StaffDepartment),
        ["PAGE /staff/counter/{draftId:guid}/confirm"] = new(Access.StaffDepartment),
        ["PAGE /staff/counter/submissions/{id:guid}"] = new(Access.StaffDepartment),

        // Payments (決済)
        ["POST /api/v1/payments/"] = Api(ApiScopes.Payments),
        ["GET /api/v1/payments/{id:guid}"] = Api(ApiScopes.Payments),
        ["POST /api/v1/payments/{id:guid}/refunds"] = Api(ApiScopes.Payments),
        ["POST /api/v1/payments/{id:guid}/capture"] = Api(ApiScopes.Payments),
        ["POST /api/v1/payments/{id:guid}/cancel"] = Api(ApiScopes.Payments),
        ["GET /api/v1/payments/reconciliation"] = Api(ApiScopes.Payments),
        ["POST /api/v1/payments/webhooks/simulated"] = new(Access.OwnCredential),
        ["PAGE /pay/simulated/{id:guid}"] = new(Access.Public),
        ["PAGE /pay/{id:guid}"] = new(Access.Public),
        ["PAGE /pay/{id:guid}/slip"] = new(Access.Public),
        ["PAGE /pay/fee/{token}"] = new(Access.Public),
        ["PAGE /staff/payments/counter"] = new(Access.StaffAny),
        ["PAGE /staff/payments/counter/receipts/{id:guid}"] = new(Access.StaffAny),

        // Procedures (手続きガイド)
        ["PAGE /procedures"] = new(Access.Public),
        ["PAGE /procedures/{slug}"] = new(Access.Public, Sample: "/procedures/moving-in"),
        ["PAGE /life-events"] = new(Access.Public),
        ["PAGE /life-events/{slug}"] = new(Access.Public, Sample: "/life-events/moving-in"),
        ["PAGE /staff/procedures"] = new(Access.StaffAny),
        ["PAGE /staff/procedures/new"] = new(Access.StaffAny),
        ["PAGE /staff/procedures/{slug}"] = new(Access.StaffDepartment, Sample: "/staff/procedures/moving-in"),
        ["GET /api/v1/procedures"] = new(Access.Public),
        ["GET /api/v1/procedures/{slug}"] = new(Access.Public, Sample: "/api/v1/procedures/moving-in"),
        ["GET /api/v1/life-events"] = new(Access.Public),
        ["GET /api/v1/life-events/{slug}/checklist"] = new(Access.Public, Sample: "/api/v1/life-events/moving-in/checklist"),

        // Forms (申請)
        ["PAGE /apply/{slug}"] = new(Access.Public, Sample: "/apply/moving-in"),
        ["PAGE /apply/{slug}/{stepId}"] = new(Access.Public),
        ["PAGE /apply/{slug}/check"] = new(Access.Public),
        ["PAGE /apply/{slug}/save"] = new(Access.Public),
        ["PAGE /apply/{slug}/done"] = new(Access.Public),
        ["PAGE /apply/{slug}/timed-out"] = new(Access.Public),
        ["PAGE /apply/{slug}/keepalive"] = new(Access.Public),
        ["PAGE /apply/resume/{token}"] = new(Access.Public),
        ["PAGE /status/{token}"] = new(Access.Public),
        ["PAGE /staff/forms"] = new(Access.StaffAny),
        ["PAGE /staff/forms/{slug}"] = new(Access.StaffDepartment, Sample: "/staff/forms/moving-in"),
        ["GET /api/v1/procedures/{slug}/schema"] = new(Access.Public, Sample: "/api/v1/procedures/moving-in/schema"),
        ["POST /api/v1/procedures/{slug}/submissions"] = new(Access.Public),

        // Plan (DX計画)
        ["PAGE /plan"] = new(Access.Public),
        ["PAGE /plan/{slug}"] = new(Access.Public, Sample: "/plan/dx-2026"),
        ["PAGE /plan/{slug}/goals"] = new(Access.Public, Sample: "/plan/dx-2026/goals"),
        ["PAGE /plan/{slug}/previous"] = new(Access.Public, Sample: "/plan/dx-2026/previous"),
        ["PAGE /plan/{slug}/projects/{number:int}"] = new(Access.Public, Sample: "/plan/dx-2026/projects/1"),
        ["GET /plan/assets/plan.css"] = new(Access.Public),
        ["PAGE /staff/plan"] = new(Access.StaffAny),
        ["PAGE /staff/plan/import"] = new(Access.Admin),
        ["PAGE /staff/plan/statuses"] = new(Access.ItPolicy),
        ["GET /api/v1/plans/{id}/export.json"] = new(Access.Public),
        ["PAGE /staff/plan/goals"] = new(Access.ItPolicy),
        ["PAGE /staff/plan/reports/{number:int}/{department}"] = new(Access.StaffDepartment, Sample: "/staff/plan/reports/1/citizen-services"),
        ["PAGE /staff/plan/council/{year:int}"] = new(Access.ItPolicy, Sample: "/staff/plan/council/2026"),
        ["GET /api/v1/plans/"] = new(Access.Public),
        ["GET /api/v1/plans/{id}"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/projects"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/projects.csv"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/goals"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/goals.csv"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/previous-items"] = new(Access.Public),
        ["GET /api/v1/plans/{id}/previous-items.csv"] = new(Access.Public),

        // Public comments (パブリックコメント)
        ["PAGE /public-comments"] = new(Access.Public),
        ["PAGE /public-comments/{slug}"] = new(Access.Public, Sample: "/public-comments/dx-plan-draft"),
        ["PAGE /public-comments/{slug}/opinion"] = new(Access.Public, Sample: "/public-comments/demo-open/opinion"),
        ["PAGE /public-comments/{slug}/sent"] = new(Access.Public),
        ["PAGE /public-comments/{slug}/results"] = new(Access.Public),
        ["GET /public-comments/assets/public-comments.css"] = new(Access.Public),
        ["GET /public-comments/assets/public-comments.js"] = new(Access.Public),
        ["PAGE /staff/public-comments"] = new(Access.StaffAny),
        ["PAGE /staff/public-comments/new"] = new(Access.StaffAny),
        ["PAGE /staff/public-comments/{slug}/edit"] = new(Access.StaffDepartment, Sample: "/staff/public-comments/demo-open/edit"),
        ["PAGE /staff/public-comments/{slug}"] = new(Access.ItPolicy, Sample: "/staff/public-comments/dx-plan-draft"),
        ["PAGE /staff/public-comments/{slug}/opinions/{sequence:int}"] = new(Access.ItPolicy, Sample: "/staff/public-comments/dx-plan-draft/opinions/1"),
        ["GET /api/v1/public-comments/"] = new(Access.Public),
        ["POST /api/v1/public-comments/{id}/opinions"] = new(Access.Public),
        ["GET /api/v1/public-comments/{id}/results"] = new(Access.Public),

        // Bookings (予約)
        ["PAGE /bookings"] = new(Access.Public),
        ["PAGE /bookings/{slug}"] = new(Access.Public, Sample: "/bookings/moving-in-visit"),
        ["PAGE /bookings/{slug}/waitlist"] = new(Access.Public),
        ["PAGE /bookings/hold/{token}"] = new(Access.Public),
        ["PAGE /bookings/manage/{reference}"] = new(Access.Public),
        ["PAGE /bookings/waitlist/offer"] = new(Access.Public),
        ["PAGE /bookings/groups/register"] = new(Access.Public),
        ["PAGE /bookings/lotteries/{id:guid}"] = new(Access.Public),
        ["PAGE /staff/bookings"] = new(Access.StaffAny),
        ["PAGE /staff/bookings/resources"] = new(Access.StaffAny),
        ["PAGE /staff/bookings/resources/new"] = new(Access.StaffDepartment),
        ["PAGE /staff/bookings/resources/{slug}/edit"] = new(Access.StaffDepartment, Sample: "/staff/bookings/resources/moving-in-visit/edit"),
        ["PAGE /staff/bookings/lotteries/new"] = new(Access.StaffDepartment),
        ["PAGE /staff/bookings/lotteries"] = new(Access.StaffAny),
        ["PAGE /staff/bookings/feed/{slug}.ics"] = new(Access.StaffDepartment, Sample: "/staff/bookings/feed/moving-in-visit.ics"),
        ["GET /api/v1/resources"] = new(Access.Public),
        ["GET /api/v1/resources/{id}/availability"] = new(Access.Public),
        ["POST /api/v1/bookings/holds"] = new(Access.Public),
        ["POST /api/v1/bookings/holds/release"] = new(Access.Public),
        ["POST /api/v1/bookings"] = new(Access.Public),
        ["GET /api/v1/bookings/{reference}"] = new(Access.Public),
        ["GET /api/v1/bookings/{reference}/ics"] = new(Access.Public),
        ["POST /api/v1/bookings/{reference}/cancel"] = new(Access.Public),
        ["GET /api/v1/lotteries/{id:guid}"] = new(Access.Public),
        ["POST /api/v1/lotteries/{id:guid}/applications"] = new(Access.OwnCredential),
        ["POST /api/v1/lotteries/{id:guid}/draw"] = new(Access.ApiStaff),
    };

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static string FillRoute(string route) =>
        RouteParameter().Replace(route, m => m.Groups[1].Value switch
        {
            "code" or "number" or "sequence" or "year" => "1",
            _ => Guid.NewGuid().ToString(),
        });

    [Fact]
    public async Task EveryEndpoint_HasARule_AndUnauthorisedCallersNeverGetIn()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var endpoints = SecurityApp.RouteEndpoints(app).Select(e => (Key: SecurityApp.Key(e), Endpoint: e)).DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();

        var missing = endpoints.Where(e => !Rules.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0,
            "These endpoints have no rule in AuthorizationMatrixTests.Rules. Add each with who may call it (Public, StaffAny, StaffDepartment, Admin, ApiScope, ApiStaff):\n"
            + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = new(Access.?),")));
        var stale = Rules.Keys.Except(endpoints.Select(e => e.Key)).ToList();

        var otherKey = await SecurityApp.AddOtherOrganizationAsync(app);
        using var anonymous = SecurityApp.Client(app);
        using var otherDepartment = await SecurityApp.StaffAsync(app, SecurityApp.OtherDepartmentStaff);
        using var admin = await SecurityApp.StaffAsync(app, "admin@musashino.example");
        using var otherKeyOnMusashino = SecurityApp.Client(app, apiKey: otherKey);
        var keysWithout = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new StringBuilder();

        foreach (var (key, endpoint) in endpoints)
        {
            var rule = Rules[key];
            var verb = key[..key.IndexOf(' ', StringComparison.Ordinal)].Split(',')[0];
            var method = verb == "PAGE" ? HttpMethod.Get : new HttpMethod(verb);
            var path = rule.Sample ?? FillRoute("/" + endpoint.RoutePattern.RawText!.TrimStart('/'));

            async Task<HttpResponseMessage> Call(HttpClient client, string? cookie = null)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method != HttpMethod.Get)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                return await client.SendAsync(request, SecurityApp.Ct);
            }

            void Expect(bool ok, string who, HttpResponseMessage response)
            {
                if (!ok)
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{key} ({path}) as {who}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }

            var anon = await Call(anonymous);
            switch (rule.Access)
            {
                case Access.Public:
                    Expect(!IsDenied(anon) && (int)anon.StatusCode < 500, "anonymous (public)", anon);
                    break;
                case Access.Citizen:
                    Expect(IsCitizenSignInRedirect(anon), "anonymous (must be sent to the citizens' sign-in)", anon);
                    var staffThere = await Call(admin);
                    Expect(IsCitizenSignInRedirect(staffThere), "a staff session (not a citizen's)", staffThere);
                    break;
                case Access.SignInStep:
                    Expect(IsSignInRedirect(anon), "anonymous, not signing in (sent to sign in)", anon);
                    break;
                case Access.Explanation:
                    Expect((int)anon.StatusCode < 500, "anonymous (explanation page)", anon);
                    break;
                case Access.OwnCredential:
                    Expect(anon.StatusCode == HttpStatusCode.Unauthorized, "anonymous without credentials (401)", anon);
                    break;
                case Access.StaffAny or Access.StaffDepartment or Access.Admin or Access.ItPolicy:
                    Expect(IsSignInRedirect(anon), "anonymous (must be sent to sign in)", anon);
                    var other = await Call(otherDepartment);
                    Expect(rule.Access switch
                    {
                        Access.StaffAny => !IsDenied(other) && (int)other.StatusCode < 500,
                        _ => IsForbidden(other) || other.StatusCode == HttpStatusCode.NotFound,
                    }, "staff of another department", other);

                    // Musashino's admin cookie presented on another organisation's host gets nothing there.
                    using (var onOther = SecurityApp.Client(app, SecurityApp.OtherHost, cookies: false))
                    {
                        var foreign = await Call(onOther, SecurityApp.CookieHeader(admin));
                        if (foreign.StatusCode == HttpStatusCode.OK)
                        {
                            CrossTenantCookieLeaks.Add(key);
                        }
                    }

                    break;
                case Access.ApiScope:
                    Expect(anon.StatusCode == HttpStatusCode.Unauthorized, "anonymous (API: 401)", anon);
                    if (!keysWithout.TryGetValue(rule.Scope!, out var without))
                    {
                        keysWithout[rule.Scope!] = without = await SecurityApp.KeyWithoutAsync(app, rule.Scope!);
                    }

                    using (var lacking = SecurityApp.Client(app, apiKey: without))
                    {
                        var r = await Call(lacking);
                        Expect(r.StatusCode == HttpStatusCode.Forbidden, $"an API key without {rule.Scope} (403)", r);
                    }

                    var foreignKey = await Call(otherKeyOnMusashino);
                    Expect(foreignKey.StatusCode == HttpStatusCode.Unauthorized, "another organisation's key on Musashino's host (401)", foreignKey);
                    using (var musashinoKeyOnOther = SecurityApp.Client(app, SecurityApp.OtherHost, MadoguchiApp.DemoApiKey))
                    {
                        var r = await Call(musashinoKeyOnOther);
                        Expect(r.StatusCode == HttpStatusCode.Unauthorized, "Musashino's key on another organisation's host (401)", r);
                    }

                    var staffCookie = await Call(admin);
                    Expect(IsDenied(staffCookie) || staffCookie.StatusCode == HttpStatusCode.Redirect, "a staff cookie without a key", staffCookie);
                    break;
                case Access.ApiScopeOrStaff:
                    Expect(anon.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || IsSignInRedirect(anon), "anonymous (staff API)", anon);
                    if (!keysWithout.TryGetValue(rule.Scope!, out var lackingScope))
                    {
                        keysWithout[rule.Scope!] = lackingScope = await SecurityApp.KeyWithoutAsync(app, rule.Scope!);
                    }

                    using (var lacking = SecurityApp.Client(app, apiKey: lackingScope))
                    {
                        var r = await Call(lacking);
                        Expect(IsDenied(r), $"an API key without {rule.Scope}", r);
                    }

                    var strangerKey = await Call(otherKeyOnMusashino);
                    Expect(strangerKey.StatusCode == HttpStatusCode.Unauthorized, "another organisation's key on Musashino's host (401)", strangerKey);
                    break;
                case Access.ApiStaff:
                    Expect(anon.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || IsSignInRedirect(anon), "anonymous (API staff)", anon);
                    using (var keyOnly = SecurityApp.Client(app, apiKey: MadoguchiApp.DemoApiKey))
                    {
                        var r = await Call(keyOnly);
                        Expect(IsDenied(r) || r.StatusCode == HttpStatusCode.Redirect, "an API key (staff cookie required)", r);
                    }

                    break;
            }
        }

        Assert.True(failures.Length == 0, "Authorisation matrix failures:\n" + failures);
        TestContext.Current.SendDiagnosticMessage("Staff endpoints accepting Musashino's cookie on another host (see the test below): " + string.Join(", ", CrossTenantCookieLeaks));
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist (remove them): " + string.Join(", ", stale));
        TestContext.Current.SendDiagnosticMessage($"Authorisation matrix: {endpoints.Count} endpoints");
        Assert.True(endpoints.Count >= 100, $"only {endpoints.Count} endpoints found");
    }

    /// <summary>Staff endpoints that answered 200 to Musashino's admin session cookie replayed on another organisation's host.</summary>
    private static readonly List<string> CrossTenantCookieLeaks = [];

    /// <summary>
    /// KNOWN VULNERABILITY (issue 8, found by this matrix, not yet fixed): the staff cookie is not bound to the
    /// organisation it was issued by, so a Musashino admin's cookie replayed on another organisation's host is
    /// accepted there. Kept as its own failing test so the matrix above stays green and the leak stays visible.
    /// </summary>
    [Fact]
    public async Task StaffCookie_OfOneOrganization_IsRefusedOnAnotherOrganizationsHost()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await SecurityApp.AddOtherOrganizationAsync(app);
        using var admin = await SecurityApp.StaffAsync(app, "admin@musashino.example");
        var leaks = new List<string>();
        foreach (var page in Rules.Where(r => r.Key.StartsWith("PAGE /staff", StringComparison.Ordinal) && r.Value.Access is Access.StaffAny or Access.Admin or Access.ItPolicy && !r.Key.Contains('{', StringComparison.Ordinal)).Select(r => r.Key[5..]))
        {
            using var onOther = SecurityApp.Client(app, SecurityApp.OtherHost, cookies: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(page, UriKind.Relative));
            request.Headers.Add("Cookie", SecurityApp.CookieHeader(admin));
            using var response = await onOther.SendAsync(request, SecurityApp.Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                leaks.Add(page);
            }
        }

        Assert.True(leaks.Count == 0, "Musashino's admin session is accepted on another organisation's host at: " + string.Join(", ", leaks));
    }

    private static bool IsSignInRedirect(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && r.Headers.Location?.ToString().Contains("/staff/sign-in", StringComparison.Ordinal) == true;

    private static bool IsCitizenSignInRedirect(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && r.Headers.Location?.ToString().Contains("/account/sign-in", StringComparison.Ordinal) == true;

    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && r.Headers.Location?.ToString().Contains("/staff/access-denied", StringComparison.Ordinal) == true);

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || IsSignInRedirect(r) || IsForbidden(r);
}
