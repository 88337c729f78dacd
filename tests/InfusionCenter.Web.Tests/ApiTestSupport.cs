using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests;

/// <summary>Small helpers for API contract tests: explicit status checks (never a silent 500) and ProblemDetails checks.</summary>
internal static class Api
{
    /// <summary>Asserts the status (showing the body on failure) and returns the parsed JSON body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {body}");
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 ProblemDetails answer with <paramref name="expected"/> status and a detail; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await ReadAsync(response, expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem.ValueKind.ShouldBe(JsonValueKind.Object);
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.TryGetProperty("detail", out var detail).ShouldBeTrue("a ProblemDetails body has a human-readable detail");
        detail.GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>Asserts a 400 ProblemDetails whose <c>errors</c> map names <paramref name="fields"/>; returns the map's keys.</summary>
    public static async Task<string[]> ValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"a validation problem has an errors map: {problem}");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToArray();
        foreach (var field in fields)
        {
            keys.ShouldContain(field, $"errors map: {errors}");
            errors.GetProperty(field).EnumerateArray().ShouldNotBeEmpty();
        }

        return keys;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static DateOnly Date(this JsonElement element, string property = "date") =>
        DateOnly.ParseExact(element.GetProperty(property).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonElement[] Doses(this JsonElement calendarOrRegimen) =>
        calendarOrRegimen.GetProperty("doses").EnumerateArray().ToArray();

    /// <summary>A fresh patient through the API (unique MRN); returns its id.</summary>
    public static async Task<int> CreatePatientAsync(HttpClient client, string familyName = "Testpatient", decimal? heightCm = null, decimal? weightKg = null)
    {
        var mrn = "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var response = await client.PostJsonAsync("/api/patients", new
        {
            mrn,
            givenName = "Alex",
            familyName,
            birthDate = "1984-03-15",
            heightCm,
            weightKg,
        });
        var patient = await ReadAsync(response, HttpStatusCode.Created);
        return patient.GetProperty("id").GetInt32();
    }

    /// <summary>Enrols a patient; asserts 201 and returns the regimen.</summary>
    public static async Task<JsonElement> EnrolAsync(HttpClient client, int patientId, object request) =>
        await ReadAsync(await client.PostJsonAsync($"/api/patients/{patientId}/regimens", request), HttpStatusCode.Created);
}

/// <summary>
/// The app on a fresh database with its clock fixed at Monday 23 November 2026, 09:30 in New York, so
/// "today" (the clinic's date) is 2026-11-23 and doses up to that date can be recorded as given.
/// </summary>
public sealed class FixedClockAppFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 23);

    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _factory = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("webclock"), now: Now);
        _ = _factory.Server; // start the host: migrations and seed run now
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
