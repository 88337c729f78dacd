using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>
/// PUT /api/patients/{id} (issue 11, finding 3): nurses correct a patient's name, MRN, birth date and contact details;
/// audited with before and after values, a duplicate MRN refused, bad values refused at their fields.
/// </summary>
public sealed class PatientUpdateTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");

    private static string NewMrn() => "U" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static object Body(string mrn, string given = "Ingrid", string family = "Holm", string birthDate = "1979-06-30", string? phone = null, string? email = null) =>
        new { mrn, givenName = given, familyName = family, birthDate, phone, email };

    private async Task<(int Id, string Mrn)> CreateAsync()
    {
        var mrn = NewMrn();
        var created = await Api.ReadAsync(
            await _client.PostJsonAsync("/api/patients", new { mrn, givenName = "Ingrid", familyName = "Holm", birthDate = "1979-06-30" }), HttpStatusCode.Created);
        return (created.GetProperty("id").GetInt32(), mrn);
    }

    [Fact]
    public async Task Update_Valid_Returns200_AndEveryFieldIsStored()
    {
        var (id, _) = await CreateAsync();
        var newMrn = NewMrn().ToLowerInvariant();

        var updated = await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/patients/{id}",
            Body(newMrn, " Ingrid Maria ", "Holm-Berg", "1979-07-01", "+1 (212) 555-0143", "ingrid.holm@example.org")), HttpStatusCode.OK);

        updated.GetProperty("mrn").GetString().ShouldBe(newMrn.ToUpperInvariant()); // MRNs are stored as created: trimmed, upper case
        updated.GetProperty("givenName").GetString().ShouldBe("Ingrid Maria");
        updated.GetProperty("familyName").GetString().ShouldBe("Holm-Berg");
        updated.GetProperty("birthDate").GetString().ShouldBe("1979-07-01");
        updated.GetProperty("phone").GetString().ShouldBe("+1 (212) 555-0143");
        updated.GetProperty("email").GetString().ShouldBe("ingrid.holm@example.org");
        var reread = (await Api.ReadAsync(await _client.GetAsync($"/api/patients/{id}"), HttpStatusCode.OK)).GetProperty("patient");
        reread.GetProperty("familyName").GetString().ShouldBe("Holm-Berg");
        reread.GetProperty("email").GetString().ShouldBe("ingrid.holm@example.org");

        // The search finds the patient under the new name and MRN.
        var found = await Api.ReadAsync(await _client.GetAsync("/api/patients?search=holm-berg ingrid"), HttpStatusCode.OK);
        found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ShouldContain(id);

        // Omitted or blank contact details are cleared.
        var cleared = await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/patients/{id}", Body(newMrn, phone: "  ")), HttpStatusCode.OK);
        cleared.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        cleared.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Update_KeepingItsOwnMrn_IsNotADuplicate()
    {
        var (id, mrn) = await CreateAsync();

        await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/patients/{id}", Body(mrn, given: "Inga")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Update_MrnOfAnotherPatient_Returns409NamingIt_AndChangesNothing()
    {
        var (id, _) = await CreateAsync();
        var (_, otherMrn) = await CreateAsync();

        var problem = await Api.ProblemAsync(
            await _client.PutAsJsonAsync($"/api/patients/{id}", Body(otherMrn.ToLowerInvariant(), given: "Changed")), HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString().ShouldBe($"Another patient already has MRN {otherMrn}.");
        var reread = (await Api.ReadAsync(await _client.GetAsync($"/api/patients/{id}"), HttpStatusCode.OK)).GetProperty("patient");
        reread.GetProperty("givenName").GetString().ShouldBe("Ingrid");
    }

    [Theory]
    [InlineData("""{"mrn": "", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01"}""", "mrn")]
    [InlineData("""{"mrn": "X1", "givenName": "", "familyName": "B", "birthDate": "1980-01-01"}""", "givenName")]
    [InlineData("""{"mrn": "X1", "givenName": "A\u0000B", "familyName": "B", "birthDate": "1980-01-01"}""", "givenName")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B\u0000", "birthDate": "1980-01-01"}""", "familyName")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "2999-01-01"}""", "birthDate")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01", "email": "not-an-address"}""", "email")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01", "email": "a@b\u0000.org"}""", "email")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01", "phone": "call me"}""", "phone")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01", "phone": "555 0100 \u0000"}""", "phone")]
    [InlineData("""{"mrn": "X1", "givenName": "A", "familyName": "B", "birthDate": "1980-01-01", "phone": "+1 212 555 0100 0100 0100 0100 0100"}""", "phone")]
    public async Task Update_InvalidField_Returns400AtThatField_AndChangesNothing(string json, string field)
    {
        var (id, _) = await CreateAsync();

        await Api.ValidationProblemAsync(await _client.PutRawAsync($"/api/patients/{id}", json), field);

        var reread = (await Api.ReadAsync(await _client.GetAsync($"/api/patients/{id}"), HttpStatusCode.OK)).GetProperty("patient");
        reread.GetProperty("givenName").GetString().ShouldBe("Ingrid");
    }

    [Fact]
    public async Task Update_EmailLongerThan254Characters_Returns400()
    {
        var (id, mrn) = await CreateAsync();

        var email = new string('a', 250) + "@example.org";
        var errors = await Api.ValidationProblemAsync(await _client.PutAsJsonAsync($"/api/patients/{id}", Body(mrn, email: email)), "email");

        errors.ShouldBe(["email"]);
    }

    [Fact]
    public async Task Update_IsAudited_WithEveryChangedFieldBeforeAndAfter_AndTheNurse()
    {
        var (id, mrn) = await CreateAsync();

        await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/patients/{id}", Body(mrn, given: "Inger", phone: "555 0199")), HttpStatusCode.OK);

        await using var db = await fixture.App.CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Patient" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Updated")
            .SingleAsync();
        entry.User.ShouldBe("nurse@infusion.test");
        using var changes = JsonDocument.Parse(entry.Changes!);
        var fields = changes.RootElement.EnumerateObject().Select(p => p.Name).Order().ToArray();
        fields.ShouldBe(["GivenName", "Phone"]); // unchanged fields are not listed
        changes.RootElement.GetProperty("GivenName").GetProperty("before").GetString().ShouldBe("Ingrid");
        changes.RootElement.GetProperty("GivenName").GetProperty("after").GetString().ShouldBe("Inger");
        changes.RootElement.GetProperty("Phone").GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        changes.RootElement.GetProperty("Phone").GetProperty("after").GetString().ShouldBe("555 0199");
    }

    [Fact]
    public async Task Update_UnknownPatient_Returns404()
    {
        await Api.ProblemAsync(await _client.PutAsJsonAsync("/api/patients/987654321", Body(NewMrn())), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_AsManager_Returns403()
    {
        var (id, mrn) = await CreateAsync();
        using var manager = fixture.App.CreateClientAs("Manager");

        (await manager.PutAsJsonAsync($"/api/patients/{id}", Body(mrn, given: "Nope"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_NameWithANulCharacter_Returns400()
    {
        await Api.ValidationProblemAsync(
            await _client.PostRawAsync("/api/patients", """{"mrn": "NUL1", "givenName": "A\u0000", "familyName": "B", "birthDate": "1980-01-01"}"""), "givenName");
    }
}
