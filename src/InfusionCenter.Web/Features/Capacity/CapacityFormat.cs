using System.Globalization;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>How the capacity page writes its figures (invariant culture, like the CSV): shares, hours, minutes, heat map cells.</summary>
public static class CapacityFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"72 %", and one decimal below 10 % ("4.5 %").</summary>
    public static string Pct(double share) => (share * 100).ToString(share is > 0 and < 0.1 ? "0.0" : "0", Inv) + " %";

    public static string Hours(double hours) => hours.ToString(hours >= 100 ? "#,0" : "0.#", Inv);

    /// <summary>"45 min", "2 h 05"; a dash when nothing was measured.</summary>
    public static string Minutes(double? minutes) => minutes is { } m
        ? (int)Math.Round(m) is var total && total >= 60 ? $"{total / 60} h {total % 60:00}" : $"{total} min"
        : "–";

    public static string Number(double value, string format = "0.#") => value.ToString(format, Inv);

    public static string Css(double value) => value.ToString("0.##", Inv);

    public static string Date(DateOnly date, string format) => date.ToString(format, Inv);

    public static string Hour(int hour) => $"{hour.ToString("00", Inv)}:00";

    public static string HeatText(double chairs) => chairs == 0 ? "" : chairs.ToString(chairs < 10 ? "0.0" : "0", Inv);

    /// <summary>The heat map cell's shade: lighter for few chairs in use, darker (white text) towards all chairs.</summary>
    public static string HeatStyle(double chairs, int activeChairs)
    {
        var share = activeChairs == 0 ? 0 : Math.Clamp(chairs / activeChairs, 0, 1);
        var lightness = 97 - (share * 62);
        return $"background:hsl(210 55% {Css(lightness)}%);color:{(share > 0.45 ? "#fff" : "#1f2d3d")}";
    }

    /// <summary>Chart labels along a long axis: every <paramref name="every"/>-th label, the others blank (no overlapping text).</summary>
    public static string[] Sparse(IReadOnlyList<string> labels, int every) =>
        labels.Select((label, i) => every <= 1 || i % every == 0 ? label : "").ToArray();

    /// <summary>Label spacing for <paramref name="count"/> points so that at most about <paramref name="most"/> labels show.</summary>
    public static int Every(int count, int most) => Math.Max(1, (int)Math.Ceiling(count / (double)most));
}
