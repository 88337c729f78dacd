using InfusionCenter.Domain.Readiness;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Readiness;

public class ReadinessTests
{
    private static readonly DateOnly Today = D("2026-11-23");

    private static readonly CoverageFact Verified = new("Aetna", true, D("2026-10-01"), D("2027-01-01"));

    private static AuthorizationFact Approved(string from, string to, int? doses = null, int id = 1) =>
        new(id, AuthorizationState.Approved, $"PA-{id}", D(from), D(to), doses, D("2026-09-01"));

    private static ReadinessFacts Facts(
        string date = "2026-12-07", CoverageFact[]? coverages = null, AuthorizationFact[]? authorizations = null, OrderFact[]? orders = null,
        DrugFact? drug = null, UsedDose[]? used = null) =>
        new(99, D(date), Today, coverages ?? [Verified], authorizations ?? [Approved("2026-06-01", "2027-05-31")], orders ?? [], drug, used ?? []);

    private static string[] Codes(ReadinessFacts facts, ReadinessRules? rules = null) =>
        [.. Domain.Readiness.Readiness.Evaluate(facts, rules ?? ReadinessRules.Default).Missing.Select(m => m.Code)];

    [Fact]
    public void VerifiedCoverage_ApprovalCoveringTheDay_NoOrderRequired_IsReady()
    {
        var result = Domain.Readiness.Readiness.Evaluate(Facts(), ReadinessRules.Default);
        result.Ready.ShouldBeTrue();
        result.Bookable.ShouldBeTrue();
    }

    [Fact]
    public void Coverage_Missing_Unverified_ReverifyDueOnOrBeforeTheDay()
    {
        Codes(Facts(coverages: [])).ShouldBe([ReadinessCodes.CoverageMissing]);
        Codes(Facts(coverages: [new CoverageFact("Aetna", true, null, null)])).ShouldBe([ReadinessCodes.CoverageUnverified]);
        Codes(Facts(date: "2027-01-04")).ShouldBe([ReadinessCodes.ReverifyDue]);
        Codes(Facts(date: "2027-01-01")).ShouldBe([ReadinessCodes.ReverifyDue], "re-verify by 1 January: a dose that day needs it done");
        Codes(Facts(date: "2026-12-31")).ShouldBeEmpty();
    }

    [Fact]
    public void Coverage_OnlyThePrimaryPlanCounts()
    {
        Codes(Facts(coverages: [Verified, new CoverageFact("Medicaid", false, null, null)])).ShouldBeEmpty();
    }

    [Fact]
    public void Authorization_EachState()
    {
        Codes(Facts(authorizations: [])).ShouldBe([ReadinessCodes.AuthorizationMissing]);
        Codes(Facts(authorizations: [new(1, AuthorizationState.ToRequest, null, null, null, null, null)])).ShouldBe([ReadinessCodes.AuthorizationMissing]);
        Codes(Facts(authorizations: [new(1, AuthorizationState.Requested, null, null, null, null, D("2026-11-01"))])).ShouldBe([ReadinessCodes.AuthorizationMissing]);
        Codes(Facts(authorizations: [new(1, AuthorizationState.Denied, "X", null, null, null, null)])).ShouldBe([ReadinessCodes.AuthorizationDenied]);
        Codes(Facts(authorizations: [new(1, AuthorizationState.Expired, "X", null, null, null, null)])).ShouldBe([ReadinessCodes.AuthorizationExpired]);
        Codes(Facts(authorizations: [new(1, AuthorizationState.NotNeeded, null, null, null, null, null)])).ShouldBeEmpty();
    }

    [Fact]
    public void Authorization_EndedBeforeToday_IsExpired_EndingBeforeTheDayButLater_DoesNotCoverIt()
    {
        Codes(Facts(authorizations: [Approved("2025-11-01", "2026-11-22")])).ShouldBe([ReadinessCodes.AuthorizationExpired]);
        Codes(Facts(authorizations: [Approved("2025-12-01", "2026-12-06")])).ShouldBe([ReadinessCodes.AuthorizationNotCoveringDate]);
        Codes(Facts(authorizations: [Approved("2026-12-08", "2027-12-07")])).ShouldBe([ReadinessCodes.AuthorizationNotCoveringDate]);
        Codes(Facts(authorizations: [Approved("2026-12-07", "2026-12-07")])).ShouldBeEmpty("both ends are covered");
    }

    [Fact]
    public void Authorization_ApprovedDoses_CountGivenAndBookedInsideItsDates_NotTheDoseItself()
    {
        var approval = Approved("2026-06-01", "2027-05-31", doses: 2);
        Codes(Facts(authorizations: [approval], used: [new(1, D("2026-07-01"))])).ShouldBeEmpty();
        Codes(Facts(authorizations: [approval], used: [new(1, D("2026-07-01")), new(2, D("2026-10-01"))]))
            .ShouldBe([ReadinessCodes.AuthorizationNoDosesLeft]);
        Codes(Facts(authorizations: [approval], used: [new(1, D("2026-05-01")), new(2, D("2026-10-01"))])).ShouldBeEmpty("a dose before the approval is not counted");
        Codes(Facts(authorizations: [approval], used: [new(99, D("2026-12-07")), new(2, D("2026-10-01"))])).ShouldBeEmpty("the dose checked is not counted against itself");
    }

    [Fact]
    public void Authorization_ARenewalCoveringTheDay_Wins()
    {
        Codes(Facts(authorizations: [Approved("2025-11-01", "2026-11-22"), Approved("2026-11-23", "2027-11-22", id: 2)])).ShouldBeEmpty();
    }

    [Fact]
    public void Order_OnlyWhenTheClinicRequiresIt()
    {
        var required = ReadinessRules.Default with { OrderRequired = true };
        Codes(Facts()).ShouldBeEmpty();
        Codes(Facts(), required).ShouldBe([ReadinessCodes.OrderMissing]);
        Codes(Facts(orders: [new(D("2026-01-05"), D("2026-12-01"))]), required).ShouldBe([ReadinessCodes.OrderExpired]);
        Codes(Facts(orders: [new(D("2026-01-05"), D("2026-12-07"))]), required).ShouldBeEmpty();
    }

    [Fact]
    public void Drug_NotReceivedByTheDayBefore()
    {
        var shipped = new DrugFact(DrugSource.SpecialtyPharmacy, DrugSupplyState.Shipped, D("2026-11-24"));
        Codes(Facts(date: "2026-11-24", drug: shipped)).ShouldBe([ReadinessCodes.DrugNotReceived], "tomorrow's dose: today is the day before");
        Codes(Facts(date: "2026-11-25", drug: shipped)).ShouldBeEmpty("expected in time, and the day before is still to come");
        Codes(Facts(date: "2026-11-25", drug: shipped with { ExpectedArrival = D("2026-11-25") })).ShouldBe([ReadinessCodes.DrugNotReceived]);
        Codes(Facts(date: "2026-11-24", drug: shipped with { State = DrugSupplyState.Received })).ShouldBeEmpty();
        Codes(Facts(date: "2026-11-24", drug: null)).ShouldBeEmpty("nothing recorded: clinic stock is assumed");
    }

    [Fact]
    public void Rules_DecideBlocking_PerCode()
    {
        var expired = Facts(authorizations: [Approved("2025-11-01", "2026-11-22")], coverages: []);
        var byDefault = Domain.Readiness.Readiness.Evaluate(expired, ReadinessRules.Default);
        byDefault.Missing.Single(m => m.Code == ReadinessCodes.AuthorizationExpired).Blocking.ShouldBeTrue();
        byDefault.Missing.Single(m => m.Code == ReadinessCodes.CoverageMissing).Blocking.ShouldBeFalse();
        byDefault.Bookable.ShouldBeFalse();

        var lenient = new ReadinessRules(new Dictionary<string, bool> { [ReadinessCodes.AuthorizationExpired] = false }, false);
        var warned = Domain.Readiness.Readiness.Evaluate(expired, lenient);
        warned.Bookable.ShouldBeTrue();
        warned.Ready.ShouldBeFalse();
    }

    [Fact]
    public void DefaultReverifyBy_IsTheFirstOfJanuaryAfter()
    {
        Domain.Readiness.Readiness.DefaultReverifyBy(D("2026-03-15")).ShouldBe(D("2027-01-01"));
        Domain.Readiness.Readiness.DefaultReverifyBy(D("2026-12-31")).ShouldBe(D("2027-01-01"));
        Domain.Readiness.Readiness.DefaultReverifyBy(D("2026-01-01")).ShouldBe(D("2027-01-01"), "verified on the day itself: next year's");
    }

    [Theory]
    [InlineData("2026-03-10", 7, 1, "2026-07-01")] // a plan year starting 1 July: this year's
    [InlineData("2026-07-01", 7, 1, "2027-07-01")]
    [InlineData("2026-08-15", 7, 1, "2027-07-01")]
    [InlineData("2026-03-10", 2, 29, "2027-02-28")] // no 29 February in 2027: its last day
    [InlineData("2027-03-10", 2, 29, "2028-02-29")]
    public void DefaultReverifyBy_IsTheClinicsDayAfter(string verifiedOn, int month, int day, string expected) =>
        Domain.Readiness.Readiness.DefaultReverifyBy(D(verifiedOn), month, day).ShouldBe(D(expected));

    [Theory]
    [InlineData(2, 29, true)]
    [InlineData(2, 30, false)]
    [InlineData(4, 31, false)]
    [InlineData(13, 1, false)]
    [InlineData(12, 31, true)]
    public void IsDayOfYear(int month, int day, bool expected) => Domain.Readiness.Readiness.IsDayOfYear(month, day).ShouldBe(expected);

    [Fact]
    public void Details_AreWords_NamingTheAuthorization()
    {
        var item = Domain.Readiness.Readiness.Evaluate(Facts(authorizations: [Approved("2025-11-01", "2026-11-22")]), ReadinessRules.Default).Missing.Single();
        item.Detail.ShouldBe("Authorization PA-1 ended on 2026-11-22: request a renewal.");
    }
}
