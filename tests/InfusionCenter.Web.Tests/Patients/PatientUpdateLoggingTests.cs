using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>
/// Correcting a patient's details (PUT /api/patients/{id}) logs the patient's id, never the name, MRN, birth date, phone or
/// email: not when it succeeds, not when it is refused (duplicate MRN, bad email).
/// </summary>
public sealed class PatientUpdateLoggingTests : IAsyncLifetime
{
    private const string GivenName = "Philomena";
    private const string FamilyName = "Xanthopoulou";
    private const string Mrn = "MRNPX4471";
    private const string Phone = "+1 917 555 0187";
    private const string Email = "philomena.x@example.org";

    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "infusioncenter-logtest-" + Guid.NewGuid().ToString("N")[..8]);
    private InfusionAppFactory? _app;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logDirectory);
        _app = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("logs"), realPort: true, settings: new Dictionary<string, string>
        {
            ["Serilog:File:Path"] = Path.Combine(_logDirectory, "app-.log"),
            ["Serilog:MinimumLevel:Default"] = "Verbose",
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_logDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Logs_AfterAPatientsDetailsAreCorrected_HoldTheIdButNoNameMrnOrContactDetails()
    {
        var app = _app!;
        int patientId;
        using (var client = app.CreateClient())
        {
            patientId = await Api.CreatePatientAsync(client, "Plainname");
            await Api.ReadAsync(await client.PostJsonAsync("/api/patients", new { mrn = "MRNPX0002", givenName = "Other", familyName = "Holder", birthDate = "1970-01-01" }),
                HttpStatusCode.Created);

            await Api.ReadAsync(await client.PutAsJsonAsync($"/api/patients/{patientId}", new
            {
                mrn = Mrn, givenName = GivenName, familyName = FamilyName, birthDate = "1958-02-27", phone = Phone, email = Email,
            }), HttpStatusCode.OK);
            await Api.ProblemAsync(await client.PutAsJsonAsync($"/api/patients/{patientId}", new
            {
                mrn = "MRNPX0002", givenName = GivenName, familyName = FamilyName, birthDate = "1958-02-27", phone = Phone, email = Email,
            }), HttpStatusCode.Conflict);
            await Api.ValidationProblemAsync(await client.PutAsJsonAsync($"/api/patients/{patientId}", new
            {
                mrn = Mrn, givenName = GivenName, familyName = FamilyName, birthDate = "1958-02-27", phone = Phone, email = "philomena-at-example",
            }), "email");
        }

        await app.DisposeAsync(); // stops the host: its logger flushes and closes the file

        var log = string.Concat(Directory.GetFiles(_logDirectory).Select(File.ReadAllText));
        log.ShouldContain($"HTTP PUT /api/patients/{patientId} responded 200 in ");
        log.ShouldContain($"HTTP PUT /api/patients/{patientId} responded 409 in ");
        log.ShouldContain($"Patient {patientId} details updated");
        foreach (var secret in new[] { GivenName, FamilyName, Mrn, "MRNPX0002", "1958-02-27", Phone, "555 0187", Email, "philomena-at-example" })
        {
            log.ShouldNotContain(secret, Case.Insensitive, $"the log must not hold \"{secret}\"");
        }
    }
}
