namespace InfusionCenter.Domain.Readiness;

/// <summary>
/// Readiness as it was known on an earlier day. Readiness is never stored, so "was this appointment ready the day
/// before?" is answered by judging today's records cut back to what they said by then, using the dates the records carry:
/// <list type="bullet">
/// <item>coverage counts as verified only when verified on or before that day (the row keeps only its last
/// verification: a plan re-verified later reads as unverified before it);</item>
/// <item>an authorization approved or denied after that day was still requested then (to request when it had not been
/// submitted by then either); one answered without a recorded decision day keeps its answer, since when it came is not
/// known; one marked expired whose approved dates still ran that day was approved then;</item>
/// <item>an order counts only when signed on or before that day;</item>
/// <item>the drug counts as arrived only when received on or before that day (no received day: not known to have arrived);</item>
/// <item>only the doses before the dose judged count against its authorization's approved doses.</item>
/// </list>
/// Pure: the caller passes the day.
/// </summary>
public static class ReadinessAsOf
{
    /// <summary>The facts of the dose as known at the end of the day before its day (<see cref="ReadinessFacts.Date"/> − 1).</summary>
    public static ReadinessFacts DayBefore(ReadinessFacts facts) => KnownOn(facts, facts.Date.AddDays(-1));

    /// <summary>The facts as known at the end of <paramref name="day"/>, which becomes <see cref="ReadinessFacts.Today"/>.</summary>
    public static ReadinessFacts KnownOn(ReadinessFacts facts, DateOnly day) => facts with
    {
        Today = day,
        Coverages = [.. facts.Coverages.Select(c => c.VerifiedOn <= day ? c : c with { VerifiedOn = null, ReverifyBy = null })],
        Authorizations = [.. facts.Authorizations.Select(a => Authorization(a, day))],
        Orders = [.. facts.Orders.Where(o => o.SignedOn <= day)],
        Drug = facts.Drug is { } drug ? Drug(drug, day) : null,
        UsedDoses = [.. facts.UsedDoses.Where(u => u.Date < facts.Date)],
    };

    private static AuthorizationFact Authorization(AuthorizationFact a, DateOnly day)
    {
        var beforeAnswer = a.SubmittedOn <= day ? AuthorizationState.Requested : AuthorizationState.ToRequest;
        return a.State switch
        {
            AuthorizationState.Requested when a.SubmittedOn > day => a with { State = AuthorizationState.ToRequest },
            AuthorizationState.Approved or AuthorizationState.Denied or AuthorizationState.Expired when a.DecidedOn > day => a with { State = beforeAnswer },
            AuthorizationState.Expired when a.ApprovedFrom is not null && a.ApprovedTo >= day => a with { State = AuthorizationState.Approved },
            _ => a,
        };
    }

    private static DrugFact Drug(DrugFact drug, DateOnly day) =>
        drug.Arrived && !(drug.ReceivedOn <= day) ? drug with { State = DrugSupplyState.Ordered, ReceivedOn = null } : drug;
}
