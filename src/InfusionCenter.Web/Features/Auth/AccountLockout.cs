namespace InfusionCenter.Web.Features.Auth;

/// <summary>
/// Identity stores two different refusals as one lockout end: an account an admin disabled (locked to the end of time,
/// <see cref="Admin.AccountAdminService.SetLockedAsync"/>) and one locked for 15 minutes after 5 failed sign-ins. The
/// sign-in page and <c>POST /api/auth/token</c> tell them apart, in these words.
/// </summary>
public static class AccountLockout
{
    /// <summary>The lockout end of a disabled account.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public const string DisabledMessage = "This account is disabled. Ask an administrator.";

    public const string LockedMessage = "This account is locked after repeated failed sign-ins. Try again in 15 minutes or ask an administrator.";

    /// <summary>
    /// True for an account an admin disabled. PostgreSQL keeps microseconds, so <see cref="DisabledUntil"/> comes back a
    /// fraction earlier: a lockout ending in the year 9999 is the disabled mark (a failed-sign-in lockout ends in minutes).
    /// </summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end.UtcDateTime.Year >= DisabledUntil.Year;
}
