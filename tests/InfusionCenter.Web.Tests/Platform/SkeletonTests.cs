using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InfusionCenter.Web.Tests.Platform;

public sealed class SkeletonTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly InfusionAppFactory _app = fixture.App;

    [Fact]
    public async Task Health_DatabaseAnswers_Returns200Healthy()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Startup_AppliesEveryMigration_AndEnablesBtreeGist()
    {
        await using var db = await _app.CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();

        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task DemoSeed_RunTwice_AddsNothingTheSecondTime()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>();
        await DemoSeed.RunAsync(factory, TimeProvider.System); // start-up already ran it once
        await DemoSeed.RunAsync(factory, TimeProvider.System);

        await using var db = await factory.CreateDbContextAsync();
        (await db.Clinics.CountAsync()).ShouldBe(1);
        var clinic = await db.Clinics.Include(c => c.OpeningHours).SingleAsync();
        clinic.TimeZone.ShouldBe("America/New_York");
        clinic.OpeningHours.Select(h => h.Weekday).OrderBy(d => d).ShouldBe(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        clinic.OpeningHours.ShouldAllBe(h => h.Opens == new TimeOnly(7, 0) && h.Closes == new TimeOnly(19, 0));
        (await db.Chairs.CountAsync(c => c.Kind == ChairKind.Recliner)).ShouldBe(10);
        (await db.Chairs.CountAsync(c => c.Kind == ChairKind.Bed)).ShouldBe(2);
        var patients = await db.Patients.CountAsync();
        patients.ShouldBeGreaterThanOrEqualTo(24);
        (await db.Patients.Select(p => p.Mrn).Distinct().CountAsync()).ShouldBe(patients);
    }

    [Fact]
    public async Task Patients_DuplicateMrn_RefusedByDatabaseConstraint()
    {
        await using var db = await _app.CreateDbContextAsync();
        var existing = await db.Patients.Select(p => p.Mrn).FirstAsync();
        db.Patients.Add(new Patient { Mrn = existing, GivenName = "Test", FamilyName = "Duplicate", BirthDate = new DateOnly(1980, 1, 1) });
        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task HomePage_ShowsChairCountFromTheDatabase()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/");
        html.ShouldContain("InfusionCenter");
        html.ShouldContain("on 12 chairs)"); // 10 recliners and 2 beds in the demo seed
        html.ShouldContain("appointments today");
        html.ShouldContain(DemoSeed.ClinicName);
    }

    [Fact]
    public async Task OpenApi_DocumentIsServed()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
    }

    [Fact]
    public async Task BlazorClientScript_IsServedByTheFramework()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/_framework/blazor.web.js");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Blazor");
    }
}

public sealed class HealthWhenDatabaseDownTests
{
    [Fact]
    public async Task Health_DatabaseStopped_Returns503()
    {
        // A server of its own (same engine as the shared one), since this test stops it.
        await using var postgres = await TestPostgres.StartAsync();
        await using var app = new InfusionAppFactory(await postgres.CreateDatabaseAsync("down"));
        using var client = app.CreateClientAs(null); // /health is anonymous
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await postgres.StopAsync();

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
