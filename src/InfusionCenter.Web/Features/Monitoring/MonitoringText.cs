using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Components.Shared;

namespace InfusionCenter.Web.Features.Monitoring;

/// <summary>Monitoring intervals in the words nurses use ("every month", "every year", "every 2 weeks"), not enum names.</summary>
public static class MonitoringText
{
    /// <summary>"every month", "every 3 months", "every year" (12 months), "every 2 years", "every 2 weeks", "every day".</summary>
    public static string Every(Interval every) => every switch
    {
        { Unit: IntervalUnit.Months, Value: > 0 } when every.Value % 12 == 0 => "every " + Amount(every.Value / 12, "year"),
        { Unit: IntervalUnit.Months } => "every " + Amount(every.Value, "month"),
        { Unit: IntervalUnit.Weeks } => "every " + Amount(every.Value, "week"),
        _ => "every " + Amount(every.Value, "day"),
    };

    private static string Amount(int value, string unit) => value == 1 ? unit : UiText.Count(value, unit);
}
