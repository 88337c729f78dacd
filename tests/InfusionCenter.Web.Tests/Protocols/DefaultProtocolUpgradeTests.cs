using System.Net;
using System.Text.Json.Nodes;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Protocols;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>
/// Issue 14, existing databases: at start-up the new default protocols are added, and ocrelizumab, still exactly the
/// definition an earlier release installed, gets the definition with administration options as a new version; regimens
/// keep the version they started on, and an admin's edit is never replaced. (Own databases: these tests restart the app.)
/// </summary>
public sealed class DefaultProtocolUpgradeTests
{
    /// <summary>The ocrelizumab JSON a database written before options existed holds (no "options" members at all).</summary>
    private static string OldOcrelizumabJson()
    {
        var node = JsonNode.Parse(ProtocolJson.Serialize(DefaultProtocols.OcrelizumabWithoutOptions))!.AsObject();
        node["maintenance"]!.AsObject().Remove("options");
        foreach (var step in node["steps"]!.AsArray())
        {
            step!.AsObject().Remove("options");
        }

        return node.ToJsonString();
    }

    /// <summary>Turns a freshly seeded database into one seeded by the release before issue 14: old ocrelizumab, no new protocols.</summary>
    private static async Task MakeItAnOldDatabaseAsync(InfusionAppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        string[] newer = [DefaultProtocols.OcrelizumabScCode, DefaultProtocols.NatalizumabSztnCode];
        // The demo data enrols a patient on each newer protocol: that release had none, so neither has this database.
        await db.Appointments.Where(a => newer.Contains(a.ProtocolCode!)).ExecuteDeleteAsync();
        await db.Regimens.Where(r => newer.Contains(r.ProtocolVersion!.Protocol!.Code)).ExecuteDeleteAsync();
        await db.ProtocolVersions.Where(v => newer.Contains(v.Protocol!.Code)).ExecuteDeleteAsync();
        await db.Protocols.Where(p => newer.Contains(p.Code)).ExecuteDeleteAsync();
        var json = OldOcrelizumabJson();
        (await db.ProtocolVersions.Where(v => v.Protocol!.Code == DefaultProtocols.OcrelizumabCode && v.Version == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.DefinitionJson, json))).ShouldBe(1);
    }

    private static async Task<(int Version, JsonObject Definition, string? CreatedBy)> CurrentAsync(HttpClient client, string code)
    {
        var body = await Api.ReadAsync(await client.GetAsync($"/api/protocols/{code}"), HttpStatusCode.OK);
        var createdBy = body.TryGetProperty("updatedBy", out var by) ? by.GetString() : null;
        return (body.GetProperty("version").GetInt32(), JsonNode.Parse(body.GetProperty("definition").GetRawText())!.AsObject(), createdBy);
    }

    /// <summary>What start-up runs, run again on the live app.</summary>
    private static async Task EnsureDefaultsAsync(InfusionAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProtocolService>().EnsureDefaultsAsync();
    }

    [Fact]
    public async Task StartUp_OnAnOldDatabase_AddsTheNewProtocols_AndUpgradesOcrelizumab_WhileItsRegimenKeepsVersion1()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("protoupgrade");
        int oldRegimenId;
        await using (var before = new InfusionAppFactory(connectionString))
        {
            _ = before.Server;
            await MakeItAnOldDatabaseAsync(before);
            var client = before.CreateClient();
            var (version, definition, _) = await CurrentAsync(client, "ocrelizumab");
            version.ShouldBe(1);
            definition["maintenance"]!.AsObject().ContainsKey("options").ShouldBeTrue(); // read with the new model: empty
            definition["maintenance"]!["options"]!.AsArray().Count.ShouldBe(0);
            (await client.GetAsync("/api/protocols/ocrelizumab-sc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            var patientId = await Api.CreatePatientAsync(client, "Oldtimer");
            var regimen = await Api.EnrolAsync(client, patientId, new { protocol = "ocrelizumab", start = "2026-01-05" });
            regimen.GetProperty("version").GetInt32().ShouldBe(1);
            oldRegimenId = regimen.GetProperty("id").GetInt32();
        }

        await using var after = new InfusionAppFactory(connectionString);
        var admin = after.CreateClient();

        var (upgraded, options, by) = await CurrentAsync(admin, "ocrelizumab");
        upgraded.ShouldBe(2);
        by.ShouldBe(ProtocolService.SystemUser);
        options["maintenance"]!["options"]!.AsArray().Select(o => o!["code"]!.GetValue<string>()).ShouldBe(["standard", "shorter"]);
        var kept = await Api.ReadAsync(await admin.GetAsync($"/api/regimens/{oldRegimenId}"), HttpStatusCode.OK);
        kept.GetProperty("version").GetInt32().ShouldBe(1);
        kept.GetProperty("currentVersion").GetInt32().ShouldBe(2);

        (await CurrentAsync(admin, "ocrelizumab-sc")).Version.ShouldBe(1);
        (await CurrentAsync(admin, "natalizumab-sztn")).Version.ShouldBe(1);
        (await CurrentAsync(admin, "natalizumab")).Version.ShouldBe(1); // unchanged defaults are left alone

        // A second start changes nothing more.
        await EnsureDefaultsAsync(after);
        (await CurrentAsync(admin, "ocrelizumab")).Version.ShouldBe(2);

        // The shared drug keeps its first brand; each protocol's definition carries its own.
        await using var db = await after.CreateDbContextAsync();
        (await db.Drugs.SingleAsync(d => d.GenericName == "ocrelizumab")).BrandName.ShouldBe("Ocrevus");
        (await db.Drugs.SingleAsync(d => d.GenericName == "natalizumab")).BrandName.ShouldBe("Tysabri");
    }

    [Fact]
    public async Task StartUp_NeverReplacesAnAdminsEdit_EvenWhenItIsTheOldDefault()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("protoadmin");
        await using var app = new InfusionAppFactory(connectionString);
        var admin = app.CreateClient();
        await MakeItAnOldDatabaseAsync(app);

        // The admin saves the old definition (exactly the superseded default) as her own version 2.
        var saved = await Api.ReadAsync(await admin.PutRawAsync("/api/protocols/ocrelizumab", OldOcrelizumabJson()), HttpStatusCode.OK);
        saved.GetProperty("version").GetInt32().ShouldBe(2);

        await EnsureDefaultsAsync(app);

        var (version, definition, by) = await CurrentAsync(admin, "ocrelizumab");
        version.ShouldBe(2);
        by.ShouldBe("admin@infusion.test");
        definition["maintenance"]!["options"]!.AsArray().Count.ShouldBe(0);
        (await CurrentAsync(admin, "ocrelizumab-sc")).Version.ShouldBe(1); // the missing protocols are still added
    }
}
