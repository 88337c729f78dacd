using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Platform;

/// <summary>
/// /openapi/v1.json describes every /api response (issue 12): each operation declares a success status, and each
/// success with a body says what the body is, so an endpoint answering an untyped <c>IResult</c> or an anonymous
/// object fails here rather than leaving integrations an empty description. 204 has no body; a download declares its own
/// media type and schema (<c>.Produces(200, typeof(Stream), "text/csv")</c>); the token endpoint declares the body the
/// bearer-token handler writes (<c>AccessTokenResponse</c>).
/// </summary>
public sealed class OpenApiResponseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task EveryApiOperation_DeclaresItsSuccessResponse_WithABodySchema()
    {
        using var client = fixture.App.CreateClientAs("Admin");
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var failures = new List<string>();
        var operations = 0;

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var label = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var successes = operation.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList()
                    : [];
                if (successes.Count == 0)
                {
                    failures.Add($"{label}: no 2xx response declared");
                }

                foreach (var success in successes.Where(s => s.Name != "204"))
                {
                    if (MissingSchema(success.Value) is { } reason)
                    {
                        failures.Add($"{label} {success.Name}: {reason}");
                    }
                }
            }
        }

        operations.ShouldBeGreaterThan(30, "the document lists the API");
        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// Why a success response does not describe its body, or null when it does: JSON bodies need an
    /// <c>application/json</c> schema that says more than "some object"; a file (e.g. text/csv) needs its own schema.
    /// </summary>
    private static string? MissingSchema(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
        {
            return "no content declared";
        }

        foreach (var media in content.EnumerateObject())
        {
            if (!media.Value.TryGetProperty("schema", out var schema) || IsEmpty(schema))
            {
                return $"{media.Name} has no schema";
            }

            if (media.Name.Contains("json", StringComparison.Ordinal) && media.Name != "application/json")
            {
                return $"{media.Name} instead of application/json";
            }
        }

        return null;
    }

    /// <summary>A schema that says nothing: <c>{}</c> (an <c>object</c>), or an array of such (<c>IEnumerable&lt;object&gt;</c>).</summary>
    private static bool IsEmpty(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.EnumerateObject().Any())
        {
            return true;
        }

        var isArray = schema.TryGetProperty("type", out var type) && type.ToString().Contains("array", StringComparison.Ordinal);
        return schema.TryGetProperty("items", out var items) ? IsEmpty(items) : isArray;
    }
}
