using InfusionCenter.Domain.Readiness;

namespace InfusionCenter.Domain.Tests.Readiness;

public class WaitSummaryTests
{
    [Fact]
    public void Nobody_NoMedianNoPercentile()
    {
        WaitSummary.Of([]).ShouldBe(new WaitSummary(0, null, null));
    }

    [Fact]
    public void OddCount_MedianIsTheMiddle_P90ByNearestRank()
    {
        WaitSummary.Of([100, 10, 40, 20, 30]).ShouldBe(new WaitSummary(5, 30, 100)); // rank ⌈4.5⌉ = 5
    }

    [Fact]
    public void EvenCount_MedianIsTheMeanOfTheTwoMiddleValues()
    {
        WaitSummary.Of([14, 7]).ShouldBe(new WaitSummary(2, 10.5, 14)); // rank ⌈1.8⌉ = 2
    }

    [Fact]
    public void TenValues_P90IsTheNinth_TwentyValues_TheEighteenth()
    {
        WaitSummary.Of(Enumerable.Range(1, 10)).Percentile90Days.ShouldBe(9);
        WaitSummary.Of(Enumerable.Range(1, 20)).Percentile90Days.ShouldBe(18);
        WaitSummary.Of(Enumerable.Range(1, 11)).Percentile90Days.ShouldBe(10); // ⌈9.9⌉ = 10
    }

    [Fact]
    public void OneValue_IsBothMedianAndPercentile()
    {
        WaitSummary.Of([42]).ShouldBe(new WaitSummary(1, 42, 42));
    }

    [Fact]
    public void NearestRank_RefusesAnEmptyListOrAPercentOutside1To100()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WaitSummary.NearestRank([], 90));
        Should.Throw<ArgumentOutOfRangeException>(() => WaitSummary.NearestRank([1], 0));
        Should.Throw<ArgumentOutOfRangeException>(() => WaitSummary.NearestRank([1], 101));
        WaitSummary.NearestRank([1, 2, 3], 100).ShouldBe(3);
    }
}
