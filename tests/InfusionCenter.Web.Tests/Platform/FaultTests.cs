using System.Net;
using InfusionCenter.Testing;
using Npgsql;

namespace InfusionCenter.Web.Tests.Platform;

/// <summary>
/// Bad input and faults answer in words with the right status, never 500 (API.md "Health"): NUL characters, dates no
/// clinic uses, values of the wrong type, a missing antiforgery token, and a database that is away.
/// </summary>
public sealed class FaultTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task NulInABodyText_Is400NamingTheField()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");

        var response = await nurse.PostRawAsync("/api/patients",
            """{"mrn":"NUL1","givenName":"Al\u0000ex","familyName":"Test","birthDate":"1984-03-15"}""");

        var fields = await Api.ValidationProblemAsync(response, "givenName");
        fields.ShouldBe(["givenName"]);
    }

    [Theory]
    [InlineData("/api/patients?search=ab%00cd", "search")]
    [InlineData("/api/audit?entityType=%00", "entityType")]
    public async Task NulInAQuery_Is400NamingTheParameter(string url, string field)
    {
        using var admin = fixture.App.CreateClientAs("Admin");

        await Api.ValidationProblemAsync(await admin.GetAsync(url), field);
    }

    [Theory]
    [InlineData("/api/appointments?date=9999-12-31", "date")]
    [InlineData("/api/appointments?date=0001-01-01", "date")]
    [InlineData("/api/capacity/daily?from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("/api/audit?from=0001-01-01", "from")]
    public async Task DatesNoClinicUses_InAQuery_Are400(string url, string field)
    {
        using var admin = fixture.App.CreateClientAs("Admin");

        await Api.ValidationProblemAsync(await admin.GetAsync(url), field);
    }

    [Fact]
    public async Task DatesNoClinicUses_InABody_Are400NamingTheField()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");

        var response = await nurse.PostRawAsync("/api/patients",
            """{"mrn":"OLD1","givenName":"Alex","familyName":"Test","birthDate":"0001-01-01"}""");

        await Api.ValidationProblemAsync(response, "birthDate");
    }

    [Fact]
    public async Task AValueOfTheWrongType_Is400InWords_WithoutDotNetTypeNames()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");

        var response = await nurse.PostRawAsync("/api/appointments", """{"patientId":"abc","chairId":1,"start":"2031-03-04T10:00","minutes":60}""");

        await Api.ValidationProblemAsync(response, "patientId");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("System.");
        body.ShouldNotContain("AppointmentRequest");
    }

    [Fact]
    public async Task ApiAnswersCarryingPatientData_AreNeverCached()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");

        var response = await nurse.GetAsync("/api/patients");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task SignOutWithoutItsAntiforgeryToken_Is400()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.PostAsync("/signout", new FormUrlEncodedContent([]));

        ((int)response.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task WhileTheDatabaseIsAway_TheApiAnswers503WithRetryAfter_AndRecoversWhenItIsBack()
    {
        var direct = new NpgsqlConnectionStringBuilder(await SharedPostgres.CreateDatabaseAsync("fault"));
        await using var relay = new TcpRelay(direct.Host!, direct.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        await using var app = new InfusionAppFactory(viaRelay.ConnectionString);
        using var nurse = app.CreateClientAs("Nurse");
        (await nurse.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);

        relay.Stop();
        var during = await nurse.GetAsync("/api/patients");
        var booking = await nurse.PostRawAsync("/api/patients", """{"mrn":"AWAY1","givenName":"Alex","familyName":"Test","birthDate":"1984-03-15"}""");

        var problem = await Api.ProblemAsync(during, HttpStatusCode.ServiceUnavailable);
        during.Headers.RetryAfter.ShouldNotBeNull();
        problem.GetProperty("detail").GetString()!.ShouldContain("try again");
        await Api.ProblemAsync(booking, HttpStatusCode.ServiceUnavailable);

        relay.Start();
        HttpStatusCode after = default;
        for (var attempt = 0; attempt < 40 && after != HttpStatusCode.OK; attempt++)
        {
            after = (await nurse.GetAsync("/api/patients")).StatusCode;
            if (after != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }

        after.ShouldBe(HttpStatusCode.OK);
    }
}
