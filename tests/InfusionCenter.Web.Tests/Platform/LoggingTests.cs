using System.Net;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Platform;

/// <summary>
/// The logs (Serilog, everything down to Verbose) carry one line per request and never a patient's name, MRN or birth
/// date: a patient with distinctive values is created and used through the API, including the requests that fail,
/// then the whole log output is searched for those values.
/// </summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private const string GivenName = "Zebulonia";
    private const string FamilyName = "Quixotewright";
    private const string Mrn = "MRNZQ7319";

    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "infusioncenter-logtest-" + Guid.NewGuid().ToString("N")[..8]);
    private InfusionAppFactory? _app;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logDirectory);
        // A real Kestrel port: requests carry their raw target (path and query) as they do in production.
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
    public async Task Logs_AfterAPatientIsCreatedAndUsed_HoldRequestLinesButNoNameMrnOrBirthDate()
    {
        var app = _app!;
        int patientId;
        using (var client = app.CreateClient())
        {
            var created = await Api.ReadAsync(await client.PostJsonAsync("/api/patients", new
            {
                mrn = Mrn, givenName = GivenName, familyName = FamilyName, birthDate = "1961-07-19", heightCm = 171, weightKg = 64,
            }), HttpStatusCode.Created);
            patientId = created.GetProperty("id").GetInt32();

            // Reads, searches by name and MRN (query strings), updates and an enrolment.
            await Api.ReadAsync(await client.GetAsync($"/api/patients/{patientId}"), HttpStatusCode.OK);
            await Api.ReadAsync(await client.GetAsync($"/api/patients?search={FamilyName}"), HttpStatusCode.OK);
            await Api.ReadAsync(await client.GetAsync($"/api/patients?search={Mrn}"), HttpStatusCode.OK);
            await Api.ReadAsync(await client.PutRawAsync($"/api/patients/{patientId}/measurements",
                """{"heightCm":171,"weightKg":66,"measuredOn":"2026-11-02"}"""), HttpStatusCode.OK);
            var regimen = await Api.EnrolAsync(client, patientId, new { protocol = "natalizumab", start = "2026-02-02" });
            var firstDose = regimen.Doses()[0].GetProperty("id").GetInt32();
            await Api.ReadAsync(await client.PostJsonAsync($"/api/doses/{firstDose}/given", new { date = "2026-02-02" }), HttpStatusCode.OK);

            // Requests that fail carry the values too: a duplicate MRN, and a birth date in the future.
            await Api.ProblemAsync(await client.PostJsonAsync("/api/patients", new
            {
                mrn = Mrn, givenName = GivenName, familyName = FamilyName, birthDate = "1961-07-19",
            }), HttpStatusCode.Conflict);
            await Api.ValidationProblemAsync(await client.PostJsonAsync("/api/patients", new
            {
                mrn = Mrn + "X", givenName = GivenName, familyName = FamilyName, birthDate = "2961-07-19",
            }), "birthDate");
        }

        await app.DisposeAsync(); // stops the host: its logger flushes and closes the file

        var log = string.Concat(Directory.GetFiles(_logDirectory).Select(File.ReadAllText));
        log.ShouldContain($"HTTP GET /api/patients/{patientId} responded 200 in ");
        log.ShouldContain("HTTP POST /api/patients responded 409 in ");
        log.ShouldContain("HTTP GET /api/patients responded 200 in ", customMessage: "the search is logged by its path alone");
        foreach (var secret in new[] { GivenName, FamilyName, Mrn, "1961-07-19", "07/19/1961", "19.07.1961", "2961-07-19" })
        {
            log.ShouldNotContain(secret, Case.Insensitive, $"the log must not hold \"{secret}\"");
        }
    }
}
