using InfusionCenter.Domain.Patients;

namespace InfusionCenter.Domain.Tests.Patients;

public class CumulativeDoseTests
{
    [Theory]
    [InlineData(0, 11)]
    [InlineData(100, 3)]
    [InlineData(128, 1)]
    [InlineData(139, 0)]
    [InlineData(140, 0)]
    [InlineData(200, 0)]
    public void CumulativeDose_DosesWithinCap_CountsWholeDosesOnly(decimal prior, int expected)
    {
        CumulativeDose.DosesWithinCap(prior, 12m, 140m).ShouldBe(expected);
    }

    [Fact]
    public void CumulativeDose_Total_AddsPriorAndDoses()
    {
        CumulativeDose.Total(100m, [12m, 12m, 12m]).ShouldBe(136m);
    }

    [Fact]
    public void CumulativeDose_WouldExceed_IsFalseExactlyAtTheCap()
    {
        CumulativeDose.WouldExceed(128m, 12m, 140m).ShouldBeFalse();
        CumulativeDose.WouldExceed(128.01m, 12m, 140m).ShouldBeTrue();
    }

    [Fact]
    public void CumulativeDose_Remaining_IsNeverNegative()
    {
        CumulativeDose.Remaining(150m, 140m).ShouldBe(0m);
        CumulativeDose.Remaining(100m, 140m).ShouldBe(40m);
    }

    [Fact]
    public void CumulativeDose_MgPerM2FromAmount_RoundsUpSoTheTotalIsNeverUnderstated()
    {
        CumulativeDose.MgPerM2FromAmount(21.8m, 1.82m).ShouldBe(11.98m); // 11.978...
        CumulativeDose.MgPerM2FromAmount(24m, 2m).ShouldBe(12m);
    }
}
