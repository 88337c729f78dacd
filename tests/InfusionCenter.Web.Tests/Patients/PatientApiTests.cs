using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>API.md "Patients and regimens": creating, reading and searching patients.</summary>
public sealed class PatientApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private static string NewMrn() => "P" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task Create_Valid_Returns201WithIdAndLocation()
    {
        var mrn = NewMrn();
        var response = await _client.PostJsonAsync("/api/patients", new
        {
            mrn,
            givenName = "Rosa",
            familyName = "Quartermaine",
            birthDate = "1979-06-30",
            heightCm = 162,
            weightKg = 72,
        });

        var patient = await Api.ReadAsync(response, HttpStatusCode.Created);
        var id = patient.GetProperty("id").GetInt32();
        id.ShouldBeGreaterThan(0);
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.Location!.ToString().ShouldEndWith($"/api/patients/{id}");
        patient.GetProperty("mrn").GetString().ShouldBe(mrn);
        patient.GetProperty("givenName").GetString().ShouldBe("Rosa");
        patient.GetProperty("familyName").GetString().ShouldBe("Quartermaine");
        patient.GetProperty("birthDate").GetString().ShouldBe("1979-06-30");
        patient.GetProperty("bsa").GetDecimal().ShouldBe(1.8m); // √(162 × 72 / 3600)

        var reread = await Api.ReadAsync(await _client.GetAsync(response.Headers.Location), HttpStatusCode.OK);
        reread.GetProperty("patient").GetProperty("id").GetInt32().ShouldBe(id);
        reread.GetProperty("patient").GetProperty("mrn").GetString().ShouldBe(mrn);
    }

    [Fact]
    public async Task Create_WithoutMeasurements_Returns201WithNoBsa()
    {
        var response = await _client.PostJsonAsync("/api/patients", new { mrn = NewMrn(), givenName = "No", familyName = "Measure", birthDate = "1990-01-01" });

        var patient = await Api.ReadAsync(response, HttpStatusCode.Created);
        patient.GetProperty("bsa").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Create_DuplicateMrn_Returns409()
    {
        var mrn = NewMrn();
        await Api.ReadAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn, givenName = "First", familyName = "Holder", birthDate = "1980-01-01" }),
            HttpStatusCode.Created);

        var problem = await Api.ProblemAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn, givenName = "Second", familyName = "Claimant", birthDate = "1981-01-01" }),
            HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain(mrn);
    }

    [Fact]
    public async Task Create_SeededMrn_Returns409()
    {
        await Api.ProblemAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn = "MRN100101", givenName = "Copy", familyName = "Cat", birthDate = "1980-01-01" }),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_MissingFields_Returns400WithEveryField()
    {
        await Api.ValidationProblemAsync(await _client.PostRawAsync("/api/patients", "{}"), "mrn", "givenName", "familyName", "birthDate");
    }

    [Fact]
    public async Task Create_HeightWithoutWeight_Returns400()
    {
        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn = NewMrn(), givenName = "Half", familyName = "Measured", birthDate = "1980-01-01", heightCm = 170 }),
            "weightKg");
    }

    [Fact]
    public async Task Create_WeightWithoutHeight_Returns400()
    {
        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn = NewMrn(), givenName = "Half", familyName = "Measured", birthDate = "1980-01-01", weightKg = 70 }),
            "heightCm");
    }

    [Theory]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"2999-01-01\"}", "birthDate")]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"1850-01-01\"}", "birthDate")]
    [InlineData("{\"mrn\": \"bad mrn!\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"1980-01-01\"}", "mrn")]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"1980-01-01\", \"heightCm\": 900, \"weightKg\": 70}", "heightCm")]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"1980-01-01\", \"heightCm\": 170, \"weightKg\": -3}", "weightKg")]
    public async Task Create_InvalidValues_Return400(string json, string field)
    {
        await Api.ValidationProblemAsync(await _client.PostRawAsync("/api/patients", json), field);
    }

    [Theory]
    [InlineData("{\"mrn\": \"X1\", ")]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"15/03/1984\"}")]
    [InlineData("{\"mrn\": \"X1\", \"givenName\": \"A\", \"familyName\": \"B\", \"birthDate\": \"1980-01-01\", \"heightCm\": \"tall\"}")]
    [InlineData("[1, 2]")]
    public async Task Create_MalformedJson_Returns400(string json)
    {
        await Api.ProblemAsync(await _client.PostRawAsync("/api/patients", json), HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Height and weight outside the BSA formula's plausible range (100–250 cm, 20–350 kg) are refused
    /// with a 400. (They used to pass validation, be saved, and then make every read of the patient a 500.)
    /// </summary>
    [Theory]
    [InlineData(95, 40, "heightCm")]
    [InlineData(180, 380, "weightKg")]
    [InlineData(170, 15, "weightKg")]
    public async Task Create_MeasurementsOutsideTheBsaRange_Return400(int heightCm, int weightKg, string field)
    {
        var response = await _client.PostJsonAsync("/api/patients", new
        {
            mrn = NewMrn(), givenName = "Edge", familyName = "Measurement", birthDate = "2010-01-01", heightCm, weightKg,
        });

        await Api.ValidationProblemAsync(response, field);
        var search = await Api.ReadAsync(await _client.GetAsync("/api/patients?search=Measurement"), HttpStatusCode.OK);
        search.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task UpdateMeasurements_OutsideTheBsaRange_Returns400_InRange_Returns200WithBsa()
    {
        var id = await Api.CreatePatientAsync(_client, "Remeasured");

        await Api.ValidationProblemAsync(
            await _client.PutAsJsonAsync($"/api/patients/{id}/measurements", new { heightCm = 60, weightKg = 6 }), "heightCm", "weightKg");
        await Api.ValidationProblemAsync(
            await _client.PutAsJsonAsync($"/api/patients/{id}/measurements", new { heightCm = 170 }), "weightKg");

        var updated = await Api.ReadAsync(
            await _client.PutAsJsonAsync($"/api/patients/{id}/measurements", new { heightCm = 162, weightKg = 72 }), HttpStatusCode.OK);
        updated.GetProperty("bsa").GetDecimal().ShouldBe(1.8m);
        await Api.ReadAsync(await _client.GetAsync($"/api/patients/{id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_Unknown_Returns404Problem()
    {
        await Api.ProblemAsync(await _client.GetAsync("/api/patients/987654321"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Seeded_Returns200WithRegimens()
    {
        var search = await Api.ReadAsync(await _client.GetAsync("/api/patients?search=MRN100101"), HttpStatusCode.OK);
        var id = search.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32();

        var patient = await Api.ReadAsync(await _client.GetAsync($"/api/patients/{id}"), HttpStatusCode.OK);
        patient.GetProperty("patient").GetProperty("mrn").GetString().ShouldBe("MRN100101");
        patient.GetProperty("regimens").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task Search_FindsByFamilyNameSubstring_CaseInsensitively()
    {
        var id = await Api.CreatePatientAsync(_client, "Featherstonehaugh");

        foreach (var term in new[] { "therSTONE", "featherstonehaugh", "HAUGH" })
        {
            var result = await Api.ReadAsync(await _client.GetAsync($"/api/patients?search={term}"), HttpStatusCode.OK);
            var items = result.GetProperty("items").EnumerateArray().ToArray();
            items.Select(p => p.GetProperty("id").GetInt32()).ShouldContain(id, $"search={term}");
            items.ShouldAllBe(p => p.GetProperty("familyName").GetString()!.Contains("haugh", StringComparison.OrdinalIgnoreCase));
            result.GetProperty("total").GetInt32().ShouldBe(items.Length);
        }
    }

    [Fact]
    public async Task Search_FindsByMrn()
    {
        var mrn = NewMrn();
        var created = await Api.ReadAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn, givenName = "Mira", familyName = "Lookup", birthDate = "1975-05-05" }),
            HttpStatusCode.Created);

        var result = await Api.ReadAsync(await _client.GetAsync($"/api/patients?search={mrn.ToLowerInvariant()}"), HttpStatusCode.OK);

        var item = result.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("id").GetInt32().ShouldBe(created.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Search_SeededFamilyName_FindsTheSeededPatient()
    {
        var result = await Api.ReadAsync(await _client.GetAsync("/api/patients?search=nakam"), HttpStatusCode.OK);

        result.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("familyName").GetString()).ShouldContain("Nakamura");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("O'Brien")]
    [InlineData("zzzz-no-such-patient")]
    public async Task Search_SpecialCharacters_Return200(string term)
    {
        var result = await Api.ReadAsync(await _client.GetAsync($"/api/patients?search={Uri.EscapeDataString(term)}"), HttpStatusCode.OK);

        if (term is "%" or "_" or "zzzz-no-such-patient")
        {
            // LIKE wildcards are matched literally: no patient has them in a name or MRN.
            result.GetProperty("total").GetInt32().ShouldBe(0);
        }
    }

    [Fact]
    public async Task Search_NoTerm_ListsEveryoneWithTotal()
    {
        var result = await Api.ReadAsync(await _client.GetAsync("/api/patients?take=5"), HttpStatusCode.OK);

        result.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(36);
        result.GetProperty("items").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Search_BadPaging_Returns400()
    {
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/patients?take=many"), "take");
    }

    [Fact]
    public async Task Create_TenParallelWithTheSameNewMrn_ExactlyOneWins()
    {
        var mrn = NewMrn();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var client = fixture.App.CreateClient();
            return await client.PostJsonAsync("/api/patients", new { mrn, givenName = $"Racer{i}", familyName = "Parallel", birthDate = "1988-08-08" });
        }));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(9, string.Join(", ", statuses));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        }

        var search = await Api.ReadAsync(await _client.GetAsync($"/api/patients?search={mrn}"), HttpStatusCode.OK);
        search.GetProperty("total").GetInt32().ShouldBe(1);
    }
}
