using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// The share of a BSA change that flags a regimen is the clinic's setting (<c>Dosing:BsaChangeThreshold</c>, default 0.10),
/// not a constant: at 0.02 a 3 % change (1.66 → 1.71 m²) is flagged.
/// </summary>
public sealed class BsaChangeThresholdTests : IAsyncLifetime
{
    private InfusionAppFactory? _app;

    public async Task InitializeAsync() => _app = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("bsashare"),
        now: FixedClockAppFixture.Now, settings: new Dictionary<string, string> { ["Dosing:BsaChangeThreshold"] = "0.02" });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AClinicShareOfTwoPercent_FlagsAThreePercentChange()
    {
        using var nurse = _app!.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurse, "Strict", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(nurse, patientId, new { protocol = "mitoxantrone", start = "2026-11-30" });

        await Api.ReadAsync(await nurse.PutAsJsonAsync($"/api/patients/{patientId}/measurements", new { heightCm = 170, weightKg = 62 }), HttpStatusCode.OK);

        var flagged = await Api.ReadAsync(await nurse.GetAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        flagged.GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Object);
        flagged.GetProperty("bsaChange").GetProperty("changePercent").GetDecimal().ShouldBe(3.0m);
        flagged.GetProperty("bsaChange").GetProperty("doses")[0].GetProperty("newAmount").GetDecimal().ShouldBe(20.5m); // 12 × 1.71 = 20.52
    }

}

/// <summary>The <c>Dosing</c> options as the app binds them, without a database.</summary>
public sealed class DosingOptionsTests
{
    [Theory]
    [InlineData(null, 0.10)]
    [InlineData("0.05", 0.05)]
    public void TheShare_IsReadFromConfiguration_DefaultTenPercent(string? configured, decimal expected)
    {
        using var services = Services(configured);

        services.GetRequiredService<IOptions<DosingOptions>>().Value.BsaChangeThreshold.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void AShareOutsideZeroToOne_IsRefused(string configured) // (validated at start-up: the app does not start with it)
    {
        using var services = Services(configured);

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<DosingOptions>>().Value)
            .Message.ShouldContain("Dosing:BsaChangeThreshold");
    }

    private static ServiceProvider Services(string? threshold)
    {
        var settings = new Dictionary<string, string?>();
        if (threshold is not null)
        {
            settings["Dosing:BsaChangeThreshold"] = threshold;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddRegimens().BuildServiceProvider();
    }
}
