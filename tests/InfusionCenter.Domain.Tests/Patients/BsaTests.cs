using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Patients;

public class BsaTests
{
    [Fact]
    public void Bsa_Mosteller170cm70kg_Is1Point818()
    {
        var bsa = Bsa.Mosteller(170m, 70m);

        decimal.Round(bsa, 4).ShouldBe(1.8181m);
        Bsa.ForDosing(170m, 70m).ShouldBe(1.82m);
    }

    [Fact]
    public void Bsa_TwelveMgPerM2At170cm70kg_Is21Point8Mg()
    {
        Bsa.Dose(12m, Bsa.ForDosing(170m, 70m)).ShouldBe(21.8m);
        Bsa.Dose(12m, Bsa.Mosteller(170m, 70m)).ShouldBe(21.8m);
    }

    [Theory]
    [InlineData(180, 80, 2.00)]
    [InlineData(160, 55, 1.56)]
    [InlineData(190, 110, 2.41)]
    public void Bsa_ForDosing_RoundsToTwoDecimals(int heightCm, int weightKg, decimal expected)
    {
        Bsa.ForDosing(heightCm, weightKg).ShouldBe(expected);
    }

    [Fact]
    public void Bsa_Round_RoundsHalfAwayFromZero()
    {
        Bsa.Round(1.805m).ShouldBe(1.81m);
        Bsa.Round(1.8049m).ShouldBe(1.80m);
    }

    [Fact]
    public void Bsa_DoseWithCustomRounding_UsesTheProtocolIncrement()
    {
        Bsa.Dose(12m, 1.87m, new DoseRounding(0.5m)).ShouldBe(22.5m); // 22.44 -> 22.5
        Bsa.Dose(12m, 1.87m, new DoseRounding(1m, DoseRoundingMode.Down)).ShouldBe(22m);
    }

    [Theory]
    [InlineData(0, 70, "heightCm")]
    [InlineData(-170, 70, "heightCm")]
    [InlineData(1700, 70, "heightCm")]
    [InlineData(170, 0, "weightKg")]
    [InlineData(170, 700, "weightKg")]
    public void Bsa_ImplausibleMeasurements_AreRejectedWithTheFieldName(int heightCm, int weightKg, string field)
    {
        Bsa.Validate(heightCm, weightKg).ShouldContain(e => e.Field == field);
        Should.Throw<ArgumentOutOfRangeException>(() => Bsa.Mosteller(heightCm, weightKg)).ParamName.ShouldBe(field);
    }

    [Fact]
    public void Bsa_PlausibleMeasurements_HaveNoErrors()
    {
        Bsa.Validate(170m, 70m).ShouldBeEmpty();
    }
}
