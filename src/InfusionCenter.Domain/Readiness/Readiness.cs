using System.Globalization;

namespace InfusionCenter.Domain.Readiness;

/// <summary>
/// Whether a dose can be given on its day as far as payer, prescriber and drug are concerned (DOMAIN.md "Readiness"):
/// computed from the facts, never stored. Pure: the caller passes "today".
/// </summary>
public static class Readiness
{
    /// <summary>The items missing for the dose of <paramref name="facts"/>, each blocking or warning per <paramref name="rules"/>.</summary>
    public static ReadinessResult Evaluate(ReadinessFacts facts, ReadinessRules rules)
    {
        var items = new List<(string Code, string Detail)>();
        CheckCoverage(facts, items);
        CheckAuthorization(facts, items);
        if (rules.OrderRequired)
        {
            CheckOrder(facts, items);
        }

        CheckDrug(facts, items);
        return new ReadinessResult([.. items.Select(i => new MissingItem(i.Code, i.Detail, rules.Blocks(i.Code)))]);
    }

    /// <summary>
    /// Re-verify by default: the first <paramref name="month"/>/<paramref name="day"/> after <paramref name="verifiedOn"/> —
    /// 1 January of the next year unless the clinic chose another day (most centers re-verify every January; a plan year
    /// starting 1 July re-verifies then). A day the month does not have in that year (29 February) is its last day.
    /// </summary>
    public static DateOnly DefaultReverifyBy(DateOnly verifiedOn, int month = 1, int day = 1)
    {
        for (var year = verifiedOn.Year; ; year++)
        {
            var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            if (candidate > verifiedOn)
            {
                return candidate;
            }
        }
    }

    /// <summary>Whether <paramref name="month"/>/<paramref name="day"/> is a day of the year (29 February counts).</summary>
    public static bool IsDayOfYear(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);

    /// <summary>
    /// The doses of <paramref name="used"/> counted against <paramref name="authorization"/>: those inside its approved dates,
    /// except <paramref name="exceptDoseId"/>.
    /// </summary>
    public static int DosesUsed(AuthorizationFact authorization, IEnumerable<UsedDose> used, int exceptDoseId = 0) =>
        used.Count(u => u.DoseId != exceptDoseId && authorization.Covers(u.Date));

    private static void CheckCoverage(ReadinessFacts facts, List<(string, string)> items)
    {
        if (facts.Coverages.Count == 0)
        {
            items.Add((ReadinessCodes.CoverageMissing, "No insurance on file: record the patient's plan and verify benefits."));
            return;
        }

        var plan = facts.Coverages.FirstOrDefault(c => c.Primary) ?? facts.Coverages[0];
        if (plan.VerifiedOn is null)
        {
            items.Add((ReadinessCodes.CoverageUnverified, $"Benefits with {plan.Payer} have not been verified."));
        }
        else if (plan.ReverifyBy is { } by && by <= facts.Date)
        {
            items.Add((ReadinessCodes.ReverifyDue, $"Benefits with {plan.Payer} were verified on {Day(plan.VerifiedOn.Value)} and must be re-verified by {Day(by)}."));
        }
    }

    private static void CheckAuthorization(ReadinessFacts facts, List<(string, string)> items)
    {
        var all = facts.Authorizations;
        if (all.Any(a => a.State == AuthorizationState.NotNeeded))
        {
            return;
        }

        var approved = all.Where(a => a.State == AuthorizationState.Approved && a.ApprovedFrom is not null && a.ApprovedTo is not null).ToList();
        var covering = approved.Where(a => a.Covers(facts.Date)).ToList();
        if (covering.Count > 0)
        {
            // Any covering authorization with doses left will do; otherwise name the one with the latest end.
            var withRoom = covering.FirstOrDefault(a => a.ApprovedDoses is null || DosesUsed(a, facts.UsedDoses, facts.DoseId) < a.ApprovedDoses);
            if (withRoom is null)
            {
                var full = covering.OrderByDescending(a => a.ApprovedTo).First();
                items.Add((ReadinessCodes.AuthorizationNoDosesLeft,
                    $"Authorization {Name(full)} approved {full.ApprovedDoses} dose{(full.ApprovedDoses == 1 ? "" : "s")}, all given or booked already: request more."));
            }

            return;
        }

        if (approved.Count > 0)
        {
            var latest = approved.OrderByDescending(a => a.ApprovedTo).First();
            if (latest.ApprovedTo < facts.Date && latest.ApprovedTo < facts.Today)
            {
                items.Add((ReadinessCodes.AuthorizationExpired, $"Authorization {Name(latest)} ended on {Day(latest.ApprovedTo!.Value)}: request a renewal."));
            }
            else
            {
                items.Add((ReadinessCodes.AuthorizationNotCoveringDate,
                    $"Authorization {Name(latest)} covers {Day(latest.ApprovedFrom!.Value)} to {Day(latest.ApprovedTo!.Value)}, not {Day(facts.Date)}."));
            }

            return;
        }

        if (all.FirstOrDefault(a => a.State == AuthorizationState.Expired) is { } expired)
        {
            items.Add((ReadinessCodes.AuthorizationExpired, $"Authorization {Name(expired)} has expired: request a renewal."));
        }
        else if (all.FirstOrDefault(a => a.State == AuthorizationState.Denied) is { } denied)
        {
            items.Add((ReadinessCodes.AuthorizationDenied, $"Authorization {Name(denied)} was denied: appeal or change the plan."));
        }
        else if (all.FirstOrDefault(a => a.State == AuthorizationState.Requested) is { } requested)
        {
            items.Add((ReadinessCodes.AuthorizationMissing, requested.SubmittedOn is { } on
                ? $"Authorization requested on {Day(on)}, no answer yet."
                : "Authorization requested, no answer yet."));
        }
        else
        {
            items.Add((ReadinessCodes.AuthorizationMissing, all.Count > 0
                ? "Authorization still to request from the payer."
                : "No prior authorization on file: request one (or record that none is needed)."));
        }
    }

    private static void CheckOrder(ReadinessFacts facts, List<(string, string)> items)
    {
        if (facts.Orders.Count == 0)
        {
            items.Add((ReadinessCodes.OrderMissing, "No signed prescriber order on file."));
            return;
        }

        if (!facts.Orders.Any(o => o.SignedOn <= facts.Date && facts.Date <= o.ValidUntil))
        {
            var latest = facts.Orders.OrderByDescending(o => o.ValidUntil).First();
            items.Add((ReadinessCodes.OrderExpired, latest.ValidUntil < facts.Date
                ? $"The prescriber order was valid until {Day(latest.ValidUntil)}: ask for a new signed order."
                : $"The prescriber order is valid from {Day(latest.SignedOn)}, after {Day(facts.Date)}."));
        }
    }

    /// <summary>The drug must be in the clinic by the day before: flagged from then on, or earlier when it is not expected in time.</summary>
    private static void CheckDrug(ReadinessFacts facts, List<(string, string)> items)
    {
        if (facts.Drug is not { } drug || drug.Arrived)
        {
            return;
        }

        var dayBefore = facts.Date.AddDays(-1);
        var from = drug.Source switch
        {
            DrugSource.SpecialtyPharmacy => "from the specialty pharmacy",
            DrugSource.PatientOwn => "from the patient",
            _ => "for clinic stock",
        };
        if (facts.Today >= dayBefore)
        {
            items.Add((ReadinessCodes.DrugNotReceived, $"The drug {from} has not been received ({Words(drug.State)})."));
        }
        else if (drug.ExpectedArrival is { } expected && expected > dayBefore)
        {
            items.Add((ReadinessCodes.DrugNotReceived, $"The drug {from} is expected on {Day(expected)}, after the day before the infusion ({Day(dayBefore)})."));
        }
        else if (drug.State == DrugSupplyState.ToOrder && facts.Today >= facts.Date.AddDays(-7))
        {
            items.Add((ReadinessCodes.DrugNotReceived, $"The drug {from} has not been ordered yet."));
        }
    }

    private static string Words(DrugSupplyState state) => state switch
    {
        DrugSupplyState.ToOrder => "not ordered yet",
        DrugSupplyState.Ordered => "ordered",
        DrugSupplyState.Shipped => "shipped",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Name(AuthorizationFact a) => a.Number is { Length: > 0 } n ? n : $"#{a.Id.ToString(CultureInfo.InvariantCulture)}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
