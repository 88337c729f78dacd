using System.Globalization;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>Parses query-string values, collecting a field error for each bad one (so the API answers 400, never 500).</summary>
public static class QueryParsing
{
    public static DateOnly? Date(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (JsonInput.InRange(date))
            {
                return date;
            }

            errors[field] = [JsonInput.DateRangeMessage];
            return null;
        }

        errors[field] = ["Enter a date as YYYY-MM-DD."];
        return null;
    }

    public static decimal? Decimal(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = ["Enter a number."];
        return null;
    }

    public static int? Int(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = ["Enter a whole number."];
        return null;
    }
}
