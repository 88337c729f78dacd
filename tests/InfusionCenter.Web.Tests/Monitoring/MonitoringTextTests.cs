using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Monitoring;

namespace InfusionCenter.Web.Tests.Monitoring;

/// <summary>Issue 11, finding 5: monitoring intervals read as words, with the right plural, never as enum names ("1 Months").</summary>
public sealed class MonitoringTextTests
{
    [Theory]
    [InlineData(1, IntervalUnit.Months, "every month")]
    [InlineData(3, IntervalUnit.Months, "every 3 months")]
    [InlineData(12, IntervalUnit.Months, "every year")]
    [InlineData(24, IntervalUnit.Months, "every 2 years")]
    [InlineData(1, IntervalUnit.Weeks, "every week")]
    [InlineData(2, IntervalUnit.Weeks, "every 2 weeks")]
    [InlineData(1, IntervalUnit.Days, "every day")]
    [InlineData(10, IntervalUnit.Days, "every 10 days")]
    public void Every_ReadsAsNursesSayIt(int value, IntervalUnit unit, string expected) =>
        MonitoringText.Every(new Interval(value, unit)).ShouldBe(expected);
}
