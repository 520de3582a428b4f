using Madoguchi.Platform.Data;

namespace Madoguchi.Platform.Audit;

/// <summary>
/// Security events of staff accounts (sign-in, failures, lockout, second-factor changes) written to
/// the audit chain, so the IT policy division can answer "who signed in as whom, and when".
/// </summary>
public sealed class SecurityAudit(MadoguchiDb db, ICurrentActor actor, TimeProvider clock)
{
    public const string SignedIn = "staff.signed_in";
    public const string SignInFailed = "staff.sign_in_failed";
    public const string LockedOut = "staff.locked_out";
    public const string TotpEnabled = "staff.totp_enabled";
    public const string TotpDisabled = "staff.totp_disabled";
    public const string RecoveryCodesRegenerated = "staff.recovery_codes_regenerated";
    public const string PasskeyAdded = "staff.passkey_added";
    public const string PasskeyRemoved = "staff.passkey_removed";

    /// <param name="action">One of the constants above.</param>
    /// <param name="userId">The account concerned.</param>
    /// <param name="details">Non-personal detail, e.g. the method (<c>password</c>, <c>passkey</c>, <c>totp</c>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task RecordAsync(string action, Guid userId, string details = "", CancellationToken cancellationToken = default)
    {
        var who = actor.Actor;
        db.AuditEntries.Add(AuditEntry.Create(who == "anonymous" && action == SignedIn ? "user:" + userId : who,
            action, "StaffUser", userId.ToString(), details, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
