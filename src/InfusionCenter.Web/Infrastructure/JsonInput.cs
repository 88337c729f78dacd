using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>
/// A JSON value a person or integration sent that we refuse while reading the body, with the words to show for it;
/// <see cref="ApiExceptionHandler"/> turns it into a 400 whose errors map names the field (from the JSON path).
/// </summary>
public sealed class JsonInputException(string message) : JsonException(message);

/// <summary>
/// The API's JSON readers for values PostgreSQL or .NET date arithmetic cannot take: text with NUL characters, and
/// dates outside <see cref="JsonInput.EarliestDate"/>–<see cref="JsonInput.LatestDate"/>. Registered for every endpoint.
/// </summary>
public static class JsonInput
{
    /// <summary>The earliest date any endpoint accepts (birth dates included).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest date any endpoint accepts (calendars run decades ahead at most).</summary>
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public const string NulMessage = "Text may not contain NUL characters.";

    public static string DateRangeMessage => $"Enter a date between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.";

    public static void AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new TextConverter());
        options.Converters.Add(new DateConverter());
        options.Converters.Add(new DateTimeConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
    }

    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0') ? throw new JsonInputException(NulMessage) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new JsonInputException("Enter a date as YYYY-MM-DD.");
            }

            return InRange(date) ? date : throw new JsonInputException(DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var value))
            {
                throw new JsonInputException("Enter a date and time as YYYY-MM-DDTHH:MM.");
            }

            return InRange(DateOnly.FromDateTime(value)) ? value : throw new JsonInputException(DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new JsonInputException("Enter a date and time with its offset, e.g. 2027-03-04T09:00:00Z.");
            }

            return InRange(DateOnly.FromDateTime(value.UtcDateTime)) ? value : throw new JsonInputException(DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
