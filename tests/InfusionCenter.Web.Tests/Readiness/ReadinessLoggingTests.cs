using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>
/// Insurance identifiers never reach the log (issue 13 "No insurance identifiers in logs"): recording, changing and
/// refusing coverage and authorizations logs ids only, at the most verbose level.
/// </summary>
public sealed class ReadinessLoggingTests : IAsyncLifetime
{
    private const string MemberId = "ZQX48812907";
    private const string Payer = "Quillfeather Mutual";
    private const string AuthorizationNumber = "PA-77QK31";
    private const string TooLongMemberId = "ZQXLONG";

    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "infusioncenter-logtest-" + Guid.NewGuid().ToString("N")[..8]);
    private InfusionAppFactory? _app;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logDirectory);
        _app = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("readinesslogs"), realPort: true, settings: new Dictionary<string, string>
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
    public async Task Logs_AfterCoverageAndAuthorizationsAreRecorded_HoldNoMemberIdPayerOrAuthorizationNumber()
    {
        var app = _app!;
        using (var client = app.CreateClient())
        {
            var patientId = await Api.CreatePatientAsync(client, "Insured");
            var regimen = await Api.EnrolAsync(client, patientId, new { protocol = "natalizumab", start = "2027-03-01" });
            var coverage = await Api.ReadAsync(await client.PostJsonAsync($"/api/patients/{patientId}/coverage",
                new { payer = Payer, memberId = MemberId, primary = true }), HttpStatusCode.Created);
            await Api.ReadAsync(await client.PutAsJsonAsync($"/api/coverage/{coverage.Id()}",
                new { payer = Payer, memberId = MemberId, primary = true, verifiedOn = "2026-11-20", version = coverage.GetProperty("version").GetUInt32() }), HttpStatusCode.OK);
            await Api.ProblemAsync(await client.PutAsJsonAsync($"/api/coverage/{coverage.Id()}",
                new { payer = Payer, memberId = MemberId, primary = true, version = 1u }), HttpStatusCode.Conflict);
            await Api.ValidationProblemAsync(await client.PostJsonAsync($"/api/patients/{patientId}/coverage",
                new { payer = Payer, memberId = TooLongMemberId + new string('9', 300) }), "memberId");
            await Api.ReadAsync(await client.PostJsonAsync($"/api/regimens/{regimen.Id()}/authorizations",
                new { status = "approved", number = AuthorizationNumber, approvedFrom = "2027-03-01", approvedTo = "2028-02-28" }), HttpStatusCode.Created);
        }

        await app.DisposeAsync(); // stops the host: its logger flushes and closes the file

        // The file sink drains its queue on disposal; on a loaded machine the last write can land just after it returns.
        var log = "";
        for (var wait = 0; wait < 100 && !log.Contains("HTTP POST /api/patients responded 201 in ", StringComparison.Ordinal); wait++)
        {
            if (wait > 0)
            {
                await Task.Delay(100);
            }

            log = string.Concat(Directory.GetFiles(_logDirectory).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(stream).ReadToEnd();
            }));
        }

        log.ShouldContain("HTTP POST /api/patients responded 201 in ", customMessage: "the request lines are in the file");
        foreach (var secret in new[] { MemberId, Payer, AuthorizationNumber, TooLongMemberId })
        {
            log.ShouldNotContain(secret, Case.Insensitive, $"the log must not hold \"{secret}\"");
        }
    }
}
