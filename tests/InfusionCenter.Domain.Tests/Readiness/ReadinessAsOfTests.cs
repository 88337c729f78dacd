using InfusionCenter.Domain.Readiness;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Readiness;

/// <summary>Readiness as known the day before a dose: today's records cut back to what they said by then.</summary>
public class ReadinessAsOfTests
{
    // The dose is given on Monday 2026-03-09; the day before is Sunday 2026-03-08; today is long after.
    private static readonly DateOnly DoseDay = D("2026-03-09");

    private static readonly CoverageFact Verified = new("Aetna", true, D("2026-01-05"), D("2027-01-01"));

    private static AuthorizationFact Approved(string decidedOn = "2026-02-01", string submittedOn = "2026-01-10", int? doses = null,
        AuthorizationState state = AuthorizationState.Approved) =>
        new(1, state, "PA-1", D("2026-02-01"), D("2027-01-31"), doses, D(submittedOn), D(decidedOn));

    private static ReadinessFacts Facts(
        CoverageFact? coverage = null, AuthorizationFact? authorization = null, OrderFact[]? orders = null, DrugFact? drug = null, UsedDose[]? used = null) =>
        new(99, DoseDay, D("2026-11-23"), [coverage ?? Verified], [authorization ?? Approved()], orders ?? [], drug, used ?? []);

    private static string[] DayBeforeCodes(ReadinessFacts facts, bool orderRequired = false) =>
        [.. Domain.Readiness.Readiness.Evaluate(ReadinessAsOf.DayBefore(facts), ReadinessRules.Default with { OrderRequired = orderRequired })
            .Missing.Select(m => m.Code)];

    private static DrugFact Received(string on) => new(DrugSource.SpecialtyPharmacy, DrugSupplyState.Received, D("2026-03-06"), D(on));

    [Fact]
    public void EverythingRecordedInTime_IsReadyTheDayBefore()
    {
        DayBeforeCodes(Facts(orders: [new(D("2026-01-20"), D("2027-01-20"))], drug: Received("2026-03-06")), orderRequired: true).ShouldBeEmpty();
    }

    [Fact]
    public void Drug_ReceivedOnTheDayBefore_Counts_ReceivedOnTheDay_DoesNot()
    {
        DayBeforeCodes(Facts(drug: Received("2026-03-07"))).ShouldBeEmpty("two days before");
        DayBeforeCodes(Facts(drug: Received("2026-03-08"))).ShouldBeEmpty("the day before, as the rule asks");
        DayBeforeCodes(Facts(drug: Received("2026-03-09"))).ShouldBe([ReadinessCodes.DrugNotReceived], "arrived only on the infusion day");
    }

    [Fact]
    public void Drug_PreparedWithoutAReceivedDay_IsNotKnownToHaveArrived()
    {
        DayBeforeCodes(Facts(drug: new(DrugSource.ClinicStock, DrugSupplyState.Prepared, null))).ShouldBe([ReadinessCodes.DrugNotReceived]);
    }

    [Fact]
    public void Coverage_VerifiedAfterTheDayBefore_WasUnverifiedThen()
    {
        DayBeforeCodes(Facts(coverage: Verified with { VerifiedOn = D("2026-03-09"), ReverifyBy = D("2027-01-01") }))
            .ShouldBe([ReadinessCodes.CoverageUnverified]);
        DayBeforeCodes(Facts(coverage: Verified with { VerifiedOn = D("2026-03-08") })).ShouldBeEmpty();
    }

    [Fact]
    public void Authorization_ApprovedAfterTheDayBefore_WasStillRequested_OrNotEvenRequested()
    {
        var late = DayBeforeCodes(Facts(authorization: Approved(decidedOn: "2026-03-09")));
        late.ShouldBe([ReadinessCodes.AuthorizationMissing]);
        var state = ReadinessAsOf.DayBefore(Facts(authorization: Approved(decidedOn: "2026-03-09"))).Authorizations[0].State;
        state.ShouldBe(AuthorizationState.Requested);
        ReadinessAsOf.DayBefore(Facts(authorization: Approved(decidedOn: "2026-03-12", submittedOn: "2026-03-10"))).Authorizations[0].State
            .ShouldBe(AuthorizationState.ToRequest);
        DayBeforeCodes(Facts(authorization: Approved(decidedOn: "2026-03-08"))).ShouldBeEmpty();
    }

    [Fact]
    public void Authorization_DeniedAfterTheDayBefore_WasStillRequested()
    {
        DayBeforeCodes(Facts(authorization: Approved(decidedOn: "2026-04-01", state: AuthorizationState.Denied))).ShouldBe([ReadinessCodes.AuthorizationMissing]);
        DayBeforeCodes(Facts(authorization: Approved(decidedOn: "2026-02-01", state: AuthorizationState.Denied))).ShouldBe([ReadinessCodes.AuthorizationDenied]);
    }

    [Fact]
    public void Authorization_MarkedExpiredLater_WasApprovedWhileItsDatesRan()
    {
        DayBeforeCodes(Facts(authorization: Approved(state: AuthorizationState.Expired))).ShouldBeEmpty();
    }

    [Fact]
    public void Authorization_WithoutADecisionDay_KeepsItsAnswer()
    {
        var undated = new AuthorizationFact(1, AuthorizationState.Approved, "PA-1", D("2026-02-01"), D("2027-01-31"), null, null);
        DayBeforeCodes(Facts(authorization: undated)).ShouldBeEmpty();
    }

    [Fact]
    public void Order_SignedAfterTheDayBefore_WasMissingThen()
    {
        DayBeforeCodes(Facts(orders: [new(D("2026-03-09"), D("2027-03-09"))]), orderRequired: true).ShouldBe([ReadinessCodes.OrderMissing]);
    }

    [Fact]
    public void ApprovedDoses_OnlyTheDosesBeforeCountAgainstIt()
    {
        var twoDoses = Approved(doses: 2);
        UsedDose[] used = [new(1, D("2026-02-09")), new(2, D("2026-04-06")), new(3, D("2026-05-04"))];
        DayBeforeCodes(Facts(authorization: twoDoses, used: used)).ShouldBeEmpty("one dose before it: the second of two approved");
        Domain.Readiness.Readiness.Evaluate(Facts(authorization: twoDoses, used: used), ReadinessRules.Default).Missing.Select(m => m.Code)
            .ShouldBe([ReadinessCodes.AuthorizationNoDosesLeft], "judged today, the later doses use the approval up");
    }

    [Fact]
    public void KnownOn_MakesThatDayToday()
    {
        ReadinessAsOf.KnownOn(Facts(), D("2026-03-01")).Today.ShouldBe(D("2026-03-01"));
        ReadinessAsOf.DayBefore(Facts()).Today.ShouldBe(D("2026-03-08"));
    }
}
