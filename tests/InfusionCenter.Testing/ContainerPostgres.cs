using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using Testcontainers.PostgreSql;

namespace InfusionCenter.Testing;

/// <summary>
/// PostgreSQL in a Docker container started through Testcontainers. The Ryuk reaper is off (its image cannot be
/// pulled where there is no registry); containers carry the <see cref="Label"/> so ./test.sh removes any a crashed
/// test process left behind. The data directory is a tmpfs and durability is off: test data is thrown away.
/// </summary>
public sealed class ContainerPostgres : TestPostgres
{
    /// <summary>Label on every test container (<c>docker ps --filter label=org.infusioncenter.test</c>).</summary>
    public const string Label = "org.infusioncenter.test";

    private readonly PostgreSqlContainer _container;
    private readonly string _image;

    private ContainerPostgres(PostgreSqlContainer container, string image)
    {
        _container = container;
        _image = image;
    }

    public override string Engine => $"Testcontainers, image {_image}";

    protected override string ServerConnectionString => _container.GetConnectionString();

    public static async Task<ContainerPostgres> CreateAsync(string image)
    {
        TestcontainersSettings.ResourceReaperEnabled = false;
        var container = new PostgreSqlBuilder(image)
            .WithImagePullPolicy(PullPolicy.Missing)
            .WithLabel(Label, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithTmpfsMount("/var/lib/postgresql/data")
            .WithCommand("-c", "max_connections=200")
            .Build();
        try
        {
            await container.StartAsync();
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        return new ContainerPostgres(container, image);
    }

    public override Task StopAsync() => _container.StopAsync();

    public override ValueTask DisposeAsync() => _container.DisposeAsync();
}
