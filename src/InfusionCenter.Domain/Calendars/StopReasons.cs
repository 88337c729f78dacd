namespace InfusionCenter.Domain.Calendars;

/// <summary>Why a calendar ended. A series that ends by itself (a fixed number of doses or courses) has no stop reason (null).</summary>
public static class StopReasons
{
    /// <summary>The next dose would fall after the calendar's end date.</summary>
    public const string Until = "until";

    /// <summary>The next dose would take the cumulative dose over the protocol's lifetime cap.</summary>
    public const string CumulativeCap = "cumulative-cap";
}
