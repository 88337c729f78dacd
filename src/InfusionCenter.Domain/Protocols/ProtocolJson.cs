using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// The one JSON shape of protocol definitions (and calendar results): web defaults (camelCase,
/// case-insensitive read), enums as camelCase strings (numbers rejected), nullable annotations and
/// required constructor parameters respected (a missing or null required member is a JsonException,
/// not a half-built protocol). Read-only: use it as is for the jsonb column and the API.
/// </summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(ProtocolDefinition protocol) => JsonSerializer.Serialize(protocol, Options);

    /// <exception cref="JsonException">Malformed JSON, a missing required member or a null where none is allowed.</exception>
    public static ProtocolDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<ProtocolDefinition>(json, Options)
        ?? throw new JsonException("A protocol definition is required (got null).");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
