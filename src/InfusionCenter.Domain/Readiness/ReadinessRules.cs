namespace InfusionCenter.Domain.Readiness;

/// <summary>The codes of what can be missing before a dose can be given (API.md "Readiness").</summary>
public static class ReadinessCodes
{
    public const string CoverageMissing = "coverage-missing";
    public const string CoverageUnverified = "coverage-unverified";
    public const string ReverifyDue = "reverify-due";
    public const string AuthorizationMissing = "authorization-missing";
    public const string AuthorizationDenied = "authorization-denied";
    public const string AuthorizationExpired = "authorization-expired";
    public const string AuthorizationNotCoveringDate = "authorization-not-covering-date";
    public const string AuthorizationNoDosesLeft = "authorization-no-doses-left";
    public const string OrderMissing = "order-missing";
    public const string OrderExpired = "order-expired";
    public const string DrugNotReceived = "drug-not-received";

    /// <summary>
    /// Every code with whether it blocks a booking unless the clinic says otherwise. What nobody has entered yet (no
    /// coverage, no authorization, no drug status) only warns, so a clinic that starts tracking readiness keeps booking;
    /// an authorization that was entered and says no (denied, expired, not covering the day, no doses left) blocks, and so
    /// does a missing or expired order where the clinic requires orders.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> DefaultBlocking = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        [CoverageMissing] = false,
        [CoverageUnverified] = false,
        [ReverifyDue] = false,
        [AuthorizationMissing] = false,
        [AuthorizationDenied] = true,
        [AuthorizationExpired] = true,
        [AuthorizationNotCoveringDate] = true,
        [AuthorizationNoDosesLeft] = true,
        [OrderMissing] = true,
        [OrderExpired] = true,
        [DrugNotReceived] = false,
    };

    public static IReadOnlyList<string> All { get; } = [.. DefaultBlocking.Keys];
}

/// <summary>A clinic's readiness rules: which codes block a booking (the others warn), and whether orders are tracked at all.</summary>
/// <param name="Blocking">Per code; a code not listed takes <see cref="ReadinessCodes.DefaultBlocking"/>.</param>
/// <param name="OrderRequired">False: the clinic does not track prescriber orders here, so no order item is ever reported.</param>
public sealed record ReadinessRules(IReadOnlyDictionary<string, bool> Blocking, bool OrderRequired)
{
    /// <summary>The day of the year benefits are re-verified by default (1 January unless the clinic chose another).</summary>
    public int ReverifyMonth { get; init; } = 1;

    /// <inheritdoc cref="ReverifyMonth"/>
    public int ReverifyDay { get; init; } = 1;

    /// <summary>The re-verify-by day for benefits verified on <paramref name="verifiedOn"/> under these rules.</summary>
    public DateOnly ReverifyBy(DateOnly verifiedOn) => Readiness.DefaultReverifyBy(verifiedOn, ReverifyMonth, ReverifyDay);

    public static ReadinessRules Default { get; } = new(ReadinessCodes.DefaultBlocking, false);

    public bool Blocks(string code) =>
        Blocking.TryGetValue(code, out var blocks) ? blocks : ReadinessCodes.DefaultBlocking.GetValueOrDefault(code);
}

/// <summary>One thing missing before a dose can be given: a code, the words a nurse reads, and whether it stops a booking.</summary>
public sealed record MissingItem(string Code, string Detail, bool Blocking);

/// <summary>A dose's readiness: <see cref="Ready"/> when nothing is missing; <see cref="Bookable"/> when nothing missing blocks.</summary>
public sealed record ReadinessResult(IReadOnlyList<MissingItem> Missing)
{
    public bool Ready => Missing.Count == 0;

    public bool Bookable => !Missing.Any(m => m.Blocking);
}
