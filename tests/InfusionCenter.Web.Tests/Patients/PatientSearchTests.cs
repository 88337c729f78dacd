using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>
/// Patient search as nurses type it: names in either order, the app's own "Family, G" display format, accents ignored
/// (PostgreSQL unaccent), hyphens and apostrophes, MRN fragments; every word must match.
/// </summary>
public sealed class PatientSearchTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly HttpClient _client = fixture.App.CreateClient();
    private static readonly string Run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public async Task InitializeAsync()
    {
        foreach (var (given, family) in new[] { ("Harriet", "Quinlan"), ("Astrid", "Sørensen"), ("Mary-Kate", "O'Brien-Smith"), ("José", "Núñez") })
        {
            var existing = await SearchAsync($"{given} {family}");
            if (existing.Count == 0)
            {
                await Api.ReadAsync(await _client.PostJsonAsync("/api/patients", new
                {
                    mrn = $"S{Run}{family.Length}{given.Length}", givenName = given, familyName = family, birthDate = "1975-05-05",
                }), HttpStatusCode.Created);
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Quinlan, H", "Quinlan, Harriet")]
    [InlineData("quinlan harriet", "Quinlan, Harriet")]
    [InlineData("Harriet Quin", "Quinlan, Harriet")]
    [InlineData("sorensen", "Sørensen, Astrid")]
    [InlineData("SØRENSEN astrid", "Sørensen, Astrid")]
    [InlineData("nunez jose", "Núñez, José")]
    [InlineData("O'Brien", "O'Brien-Smith, Mary-Kate")]
    [InlineData("smith kate", "O'Brien-Smith, Mary-Kate")]
    [InlineData("O'Brien-Smith, Mary", "O'Brien-Smith, Mary-Kate")]
    public async Task Search_AsNursesTypeIt_FindsThePatient(string term, string expected)
    {
        var found = await SearchAsync(term);

        found.ShouldContain(expected, $"\"{term}\" found: {string.Join(" | ", found)}");
    }

    [Fact]
    public async Task Search_MrnFragment_FindsThePatient_AndEveryWordMustMatch()
    {
        (await SearchAsync($"{Run}77")).ShouldContain("Quinlan, Harriet"); // MRN S{Run}77: family and given name 7 letters each
        (await SearchAsync("quinlan astrid")).ShouldNotContain("Quinlan, Harriet");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData(" , ")]
    public async Task Search_WildcardsAndPunctuation_AreTakenLiterally(string term)
    {
        var response = await _client.GetAsync($"/api/patients?search={Uri.EscapeDataString(term)}");

        var body = await Api.ReadAsync(response, HttpStatusCode.OK);
        if (term.Trim() is "%" or "_" or "\\")
        {
            body.GetProperty("total").GetInt32().ShouldBe(0);
        }
    }

    private async Task<List<string>> SearchAsync(string term)
    {
        var body = await Api.ReadAsync(await _client.GetAsync($"/api/patients?search={Uri.EscapeDataString(term)}&take=50"), HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray()
            .Select(p => $"{p.GetProperty("familyName").GetString()}, {p.GetProperty("givenName").GetString()}").ToList();
    }
}
