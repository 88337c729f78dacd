using InfusionCenter.Domain.Patients;

namespace InfusionCenter.Domain.Tests.Patients;

public class BsaChangeTests
{
    [Fact]
    public void BsaChange_170cmFrom58Point4To72Point5Kg_Is1Point66To1Point85_Plus11Point4Percent_OverTenPercent()
    {
        Bsa.ForDosing(170m, 58.4m).ShouldBe(1.66m); // √(170 × 58.4 / 3600) = 1.6607
        var change = BsaChange.Since(1.66m, 170m, 72.5m).ShouldNotBeNull(); // √(170 × 72.5 / 3600) = 1.8503

        change.CurrentBsa.ShouldBe(1.85m);
        change.Percent.ShouldBe(11.4m); // 0.19 / 1.66 = 0.11446
        change.Exceeds(0.10m).ShouldBeTrue();
        change.Exceeds(0.12m).ShouldBeFalse();
    }

    [Fact]
    public void BsaChange_ALossCountsLikeAGain()
    {
        var change = BsaChange.Since(1.85m, 170m, 58.4m).ShouldNotBeNull();

        change.Percent.ShouldBe(-10.3m); // -0.19 / 1.85 = -0.1027
        change.Exceeds(0.10m).ShouldBeTrue();
    }

    [Fact]
    public void BsaChange_ExactlyTheThreshold_IsNotMoreThanIt()
    {
        new BsaChange(2.00m, 2.20m).Exceeds(0.10m).ShouldBeFalse();
        new BsaChange(2.00m, 2.21m).Exceeds(0.10m).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, 170, 70)] // not BSA-dosed
    [InlineData(1.82, null, 70)] // height no longer on file
    [InlineData(1.82, 170, null)]
    [InlineData(1.82, 170, 70)] // the same dosing BSA
    [InlineData(1.82, 170, 9000)] // implausible: never a basis for new doses
    public void BsaChange_NothingToCompare_IsNull(double? dosed, int? heightCm, int? weightKg)
    {
        BsaChange.Since((decimal?)dosed, (decimal?)heightCm, (decimal?)weightKg).ShouldBeNull();
    }
}
