using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Platform;

/// <summary>
/// Every operation in /openapi/v1.json, sent values no client should send — NUL characters, a 1 MB text, dates no
/// clinic uses, numbers beyond their type — in each query parameter and each body field: never a 500 (API.md "Health").
/// </summary>
public sealed class FuzzTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string Huge = new('x', 1_000_000);

    [Fact]
    public async Task NoOperationAnswers500_ToHostileValues()
    {
        using var admin = fixture.App.CreateClientAs("Admin");
        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var failures = new List<string>();
        var sent = 0;

        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var url = FillPath(path.Name);
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];

                foreach (var parameter in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    foreach (var value in QueryValues(parameter.TryGetProperty("schema", out var s) ? s : default))
                    {
                        var request = new HttpRequestMessage(method, $"{url}?{name}={value}");
                        if (BodySchema(root, operation.Value) is not null)
                        {
                            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                        }

                        await SendAsync(admin, request, failures);
                        sent++;
                    }
                }

                foreach (var (field, values) in BodyFields(root, operation.Value))
                {
                    foreach (var value in values)
                    {
                        var body = new JsonObject { [field] = value?.DeepClone() };
                        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
                        await SendAsync(admin, request, failures);
                        sent++;
                    }
                }
            }
        }

        sent.ShouldBeGreaterThan(200, "the fuzz reached the operations");
        failures.ShouldBeEmpty();
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, List<string> failures)
    {
        var label = $"{request.Method} {Shorten(request.RequestUri!.ToString())} {Shorten(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{label} -> {(int)response.StatusCode}");
        }
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string FillPath(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", "1");

    private static IEnumerable<string> QueryValues(JsonElement schema)
    {
        yield return "%00";
        yield return "a%00b";
        yield return "9999-12-31";
        yield return "0001-01-01";
        yield return "-2147483649";
        yield return "2147483647";
        yield return Uri.EscapeDataString(new string('y', 3000));
    }

    private static JsonElement? BodySchema(JsonElement root, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? Resolve(root, schema)
            : null;

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/').Last();
            return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static IEnumerable<(string Field, JsonNode?[] Values)> BodyFields(JsonElement root, JsonElement operation)
    {
        if (BodySchema(root, operation) is not { } schema || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var resolved = Resolve(root, property.Value);
            var type = resolved.TryGetProperty("type", out var t) ? t.ToString() : "";
            var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
            JsonNode?[] values = type switch
            {
                _ when format == "date" => ["9999-12-31", "0001-01-01", "2026-02-30", "a\u0000"],
                _ when format == "date-time" => ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "a\u0000"],
                _ when type.Contains("integer") => [2147483647, -2147483648, JsonValue.Create(99999999999L), "a\u0000"],
                _ when type.Contains("number") => [JsonValue.Create(1e30), -1, "a\u0000"],
                _ when type.Contains("array") => [new JsonArray("a\u0000", Huge), new JsonArray(JsonValue.Create(2147483647))],
                _ when type.Contains("object") => [new JsonObject { ["x"] = "a\u0000" }],
                _ => ["a\u0000b", Huge, "9999-12-31T23:59", "0001-01-01T00:00"],
            };
            yield return (property.Name, values);
        }
    }
}
