using Madoguchi.Platform.Audit;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Identity;

/// <summary>Sign-ins, failures and second-factor changes are in the audit chain, not only in logs.</summary>
public sealed class SecurityAuditTests
{
    [Fact]
    public async Task FailedSignIn_ThenTotpEnrolment_ThenSignInWithCode_AreAllAudited()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();

        await StaffSession.SignInAsync(client, StaffSession.Shimin, "wrong-password-123");
        await StaffSession.SignInAsync(client, StaffSession.Shimin);
        var (key, _) = await StaffSession.EnrolTotpAsync(client);
        await StaffSession.SignOutAsync(client);
        await StaffSession.SignInAsync(client, StaffSession.Shimin);
        await StaffSession.EnterCodeAsync(client, StaffSession.Code(key));

        var events = await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries
            .Where(e => e.Action.StartsWith("staff.") && e.Action != "staff.read")
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.Details, e.Actor })
            .ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            [SecurityAudit.SignInFailed, SecurityAudit.SignedIn, SecurityAudit.TotpEnabled, SecurityAudit.SignedIn],
            events.Select(e => e.Action));
        Assert.Equal("totp", events[^1].Details);
        Assert.Equal("anonymous", events[0].Actor);
        Assert.StartsWith("user:", events[2].Actor, StringComparison.Ordinal);

        var verification = await app.InOrganizationAsync("MSN", (db, _) => AuditVerifier.VerifyAsync(db, db.CurrentOrganizationId, TestContext.Current.CancellationToken));
        Assert.True(verification.IsIntact);
    }
}
