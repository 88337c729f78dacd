using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Tests.Platform;

/// <summary>The embedded database (LocalPostgres, what ./run.sh uses) belongs to one app at a time.</summary>
public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task SecondApp_OnTheSameDataDirectory_IsRefusedWhileTheFirstRuns_AndStartsOnceItStopped()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infusioncenter-test-pg-owner-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new LocalPostgresOptions { DataDirectory = dir, Durable = false };
        try
        {
            var first = await LocalPostgres.StartAsync(options);
            var refused = await Should.ThrowAsync<InvalidOperationException>(() => LocalPostgres.StartAsync(options));
            refused.Message.ShouldContain("in use by another InfusionCenter process");
            await first.EnsureDatabaseAsync("still_mine"); // the first app's cluster was left alone

            await first.StopAsync();
            await using var second = await LocalPostgres.StartAsync(options);
            await second.EnsureDatabaseAsync("now_mine");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            File.Delete(dir + ".lock");
        }
    }
}
