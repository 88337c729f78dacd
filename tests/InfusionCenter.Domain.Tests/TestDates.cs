using System.Globalization;

namespace InfusionCenter.Domain.Tests;

internal static class TestDates
{
    /// <summary>Parses "yyyy-MM-dd".</summary>
    public static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string S(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
