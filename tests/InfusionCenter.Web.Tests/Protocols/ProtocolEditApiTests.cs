using System.Net;
using System.Text.Json.Nodes;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>
/// API.md "PUT /api/protocols/{code}": edits save new versions, bad definitions are 400s with field
/// errors, stale edits are 409s, regimens keep the version they were enrolled on. (Own class, own
/// database: these tests change protocols. Every test reads the current version first, so the order
/// the tests run in does not matter.)
/// </summary>
public sealed class ProtocolEditApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<(int Version, JsonObject Definition)> CurrentAsync(string code)
    {
        var response = await _client.GetAsync($"/api/protocols/{code}");
        var body = await Api.ReadAsync(response, HttpStatusCode.OK);
        return (body.GetProperty("version").GetInt32(), JsonNode.Parse(body.GetProperty("definition").GetRawText())!.AsObject());
    }

    private static JsonObject WithNatalizumabInterval(JsonObject definition, int weeks)
    {
        var copy = definition.DeepClone().AsObject();
        copy["maintenance"]!["interval"]!["value"] = weeks;
        copy["maintenance"]!["interval"]!["unit"] = "weeks";
        return copy;
    }

    [Fact]
    public async Task Put_ModifiedDefinition_SavesANewVersion_AndTheCalendarUsesIt()
    {
        var (before, definition) = await CurrentAsync("natalizumab");

        var saved = await Api.ReadAsync(
            await _client.PutRawAsync("/api/protocols/natalizumab", WithNatalizumabInterval(definition, 6).ToJsonString()), HttpStatusCode.OK);

        saved.GetProperty("version").GetInt32().ShouldBe(before + 1);
        var (after, reread) = await CurrentAsync("natalizumab");
        after.ShouldBe(before + 1);
        reread["maintenance"]!["interval"]!["value"]!.GetValue<int>().ShouldBe(6);

        var list = await Api.ReadAsync(await _client.GetAsync("/api/protocols"), HttpStatusCode.OK);
        list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "natalizumab").GetProperty("version").GetInt32().ShouldBe(after);

        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/natalizumab/calendar?start=2026-02-02&until=2026-06-30"), HttpStatusCode.OK);
        calendar.GetProperty("version").GetInt32().ShouldBe(after);
        calendar.Doses().Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 4).Select(k => new DateOnly(2026, 2, 2).AddDays(42 * k)));
    }

    [Fact]
    public async Task Put_RegimenEnrolledBefore_KeepsItsVersion()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Versionkeeper");
        var (_, definition) = await CurrentAsync("natalizumab");
        // Start from a 4-week version whatever other tests of this class did to the protocol.
        var fourWeekly = await Api.ReadAsync(
            await _client.PutRawAsync("/api/protocols/natalizumab", WithNatalizumabInterval(definition, 4).ToJsonString()), HttpStatusCode.OK);
        var before = fourWeekly.GetProperty("version").GetInt32();
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-02-02" });
        regimen.GetProperty("version").GetInt32().ShouldBe(before);
        var regimenId = regimen.GetProperty("id").GetInt32();

        await Api.ReadAsync(
            await _client.PutRawAsync("/api/protocols/natalizumab", WithNatalizumabInterval(definition, 6).ToJsonString()), HttpStatusCode.OK);

        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{regimenId}"), HttpStatusCode.OK);
        reread.GetProperty("version").GetInt32().ShouldBe(before);
        reread.GetProperty("currentVersion").GetInt32().ShouldBe(before + 1);
        var dates = reread.Doses().Select(d => d.Date()).ToArray();
        dates.Zip(dates.Skip(1), (a, b) => b.DayNumber - a.DayNumber).ShouldAllBe(gap => gap == 28);

        // A regimen enrolled now uses the new version (another patient: one active natalizumab regimen per patient).
        var otherPatientId = await Api.CreatePatientAsync(_client, "Versionkeeper");
        var later = await Api.EnrolAsync(_client, otherPatientId, new { protocol = "natalizumab", start = "2026-03-02" });
        later.GetProperty("version").GetInt32().ShouldBe(before + 1);
        later.Doses()[1].GetProperty("date").GetString().ShouldBe("2026-04-13"); // 6 weeks
    }

    [Fact]
    public async Task Put_NegativeIntervalValue_Returns400_AndSavesNothing()
    {
        var (before, definition) = await CurrentAsync("natalizumab");

        var keys = await Api.ValidationProblemAsync(
            await _client.PutRawAsync("/api/protocols/natalizumab", WithNatalizumabInterval(definition, -4).ToJsonString()));

        keys.ShouldContain(k => k.StartsWith("maintenance.interval", StringComparison.Ordinal));
        (await CurrentAsync("natalizumab")).Version.ShouldBe(before);
    }

    [Fact]
    public async Task Put_WindowNotContainingTheTarget_Returns400()
    {
        var (before, definition) = await CurrentAsync("ocrelizumab");
        definition["window"] = new JsonObject { ["daysBefore"] = -3, ["daysAfter"] = 14 };

        await Api.ValidationProblemAsync(await _client.PutRawAsync("/api/protocols/ocrelizumab", definition.ToJsonString()), "window");

        (await CurrentAsync("ocrelizumab")).Version.ShouldBe(before);
    }

    [Fact]
    public async Task Put_CodeNotMatchingTheAddress_Returns400OnCode()
    {
        var (beforeOcrelizumab, definition) = await CurrentAsync("ocrelizumab");
        var (beforeUblituximab, _) = await CurrentAsync("ublituximab");

        await Api.ValidationProblemAsync(await _client.PutRawAsync("/api/protocols/ublituximab", definition.ToJsonString()), "code");

        (await CurrentAsync("ocrelizumab")).Version.ShouldBe(beforeOcrelizumab);
        (await CurrentAsync("ublituximab")).Version.ShouldBe(beforeUblituximab);
    }

    [Fact]
    public async Task Put_StepsAndCoursesTogether_Returns400()
    {
        var (_, definition) = await CurrentAsync("alemtuzumab");
        var (_, ocrelizumab) = await CurrentAsync("ocrelizumab");
        definition["steps"] = ocrelizumab["steps"]!.DeepClone();

        var keys = await Api.ValidationProblemAsync(await _client.PutRawAsync("/api/protocols/alemtuzumab", definition.ToJsonString()));
        keys.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Put_StaleExpectedVersion_Returns409()
    {
        var (current, definition) = await CurrentAsync("methylprednisolone");
        definition["description"] = "Edited by test " + Guid.NewGuid();

        var saved = await Api.ReadAsync(
            await _client.PutRawAsync($"/api/protocols/methylprednisolone?expectedVersion={current}", definition.ToJsonString()), HttpStatusCode.OK);
        saved.GetProperty("version").GetInt32().ShouldBe(current + 1);

        // Someone else's edit of the version we already replaced.
        var problem = await Api.ProblemAsync(
            await _client.PutRawAsync($"/api/protocols/methylprednisolone?expectedVersion={current}", definition.ToJsonString()), HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain($"version {current + 1}");
        (await CurrentAsync("methylprednisolone")).Version.ShouldBe(current + 1);
    }

    [Fact]
    public async Task Put_ExpectedVersionNotANumber_Returns400()
    {
        var (_, definition) = await CurrentAsync("mitoxantrone");

        var response = await _client.PutRawAsync("/api/protocols/mitoxantrone?expectedVersion=latest", definition.ToJsonString());

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"code\": \"natalizumab\", ")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"code\": \"natalizumab\", \"name\": \"x\"}")]
    [InlineData("{\"code\": 42}")]
    public async Task Put_MalformedOrIncompleteBody_Returns400(string json)
    {
        var (before, _) = await CurrentAsync("natalizumab");

        await Api.ProblemAsync(await _client.PutRawAsync("/api/protocols/natalizumab", json), HttpStatusCode.BadRequest);

        (await CurrentAsync("natalizumab")).Version.ShouldBe(before);
    }

    [Fact]
    public async Task Put_UnknownIntervalUnit_Returns400()
    {
        var (_, definition) = await CurrentAsync("natalizumab");
        definition["maintenance"]!["interval"]!["unit"] = "fortnights";

        await Api.ProblemAsync(await _client.PutRawAsync("/api/protocols/natalizumab", definition.ToJsonString()), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_MissingBody_Returns400()
    {
        var response = await _client.PutAsync("/api/protocols/natalizumab", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_OcrelizumabWithBadOptions_Is400NamingEachOption_AndAGoodEditKeepsTheOptions()
    {
        var (before, definition) = await CurrentAsync("ocrelizumab");
        var bad = definition.DeepClone().AsObject();
        var options = bad["maintenance"]!["options"]!.AsArray();
        options[1]!["code"] = "standard";
        options[0]!["name"] = "";
        options[0]!["chairTime"]!["infusionMinutes"] = 0;
        options[1]!["eligibility"]!["code"] = "no-prior-relapse";

        await Api.ValidationProblemAsync(await _client.PutRawAsync("/api/protocols/ocrelizumab", bad.ToJsonString()),
            "maintenance.options[1].code", "maintenance.options[0].name", "maintenance.options[0].chairTime.infusionMinutes",
            "maintenance.options[1].eligibility.code");
        (await CurrentAsync("ocrelizumab")).Version.ShouldBe(before);

        var good = definition.DeepClone().AsObject();
        good["maintenance"]!["options"]![1]!["chairTime"]!["infusionMinutes"] = 110;
        await Api.ReadAsync(await _client.PutRawAsync("/api/protocols/ocrelizumab", good.ToJsonString()), HttpStatusCode.OK);
        var (after, reread) = await CurrentAsync("ocrelizumab");
        after.ShouldBe(before + 1);
        reread["maintenance"]!["options"]![1]!["chairTime"]!["infusionMinutes"]!.GetValue<int>().ShouldBe(110);
        reread["maintenance"]!["options"]![1]!["eligibility"]!["severity"]!.GetValue<string>().ShouldBe("severe");
    }
}

/// <summary>Parallel protocol edits: the version number decides, never a 500.</summary>
public sealed class ProtocolConcurrencyApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Put_FiveParallelEditsOfTheSameVersion_ExactlyOneWins()
    {
        using var reader = fixture.App.CreateClient();
        var current = await Api.ReadAsync(await reader.GetAsync("/api/protocols/ublituximab"), HttpStatusCode.OK);
        var version = current.GetProperty("version").GetInt32();
        var definition = current.GetProperty("definition").GetRawText();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = fixture.App.CreateClient();
            return await client.PutRawAsync($"/api/protocols/ublituximab?expectedVersion={version}", definition);
        }));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(4, string.Join(", ", statuses));
        (await Api.ReadAsync(await reader.GetAsync("/api/protocols/ublituximab"), HttpStatusCode.OK)).GetProperty("version").GetInt32().ShouldBe(version + 1);
    }

    [Fact]
    public async Task Put_FiveParallelEditsWithoutExpectedVersion_NeverA500()
    {
        using var reader = fixture.App.CreateClient();
        var current = await Api.ReadAsync(await reader.GetAsync("/api/protocols/alemtuzumab"), HttpStatusCode.OK);
        var version = current.GetProperty("version").GetInt32();
        var definition = current.GetProperty("definition").GetRawText();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = fixture.App.CreateClient();
            return await client.PutRawAsync("/api/protocols/alemtuzumab", definition);
        }));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        var wins = statuses.Count(s => s == HttpStatusCode.OK);
        wins.ShouldBeGreaterThanOrEqualTo(1);
        (await Api.ReadAsync(await reader.GetAsync("/api/protocols/alemtuzumab"), HttpStatusCode.OK)).GetProperty("version").GetInt32().ShouldBe(version + wins);
    }
}
