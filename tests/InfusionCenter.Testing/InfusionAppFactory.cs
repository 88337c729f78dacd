using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;

namespace InfusionCenter.Testing;

/// <summary>
/// The real app (Program) on a real PostgreSQL database. With <paramref name="realPort"/> it listens on a
/// loopback Kestrel port (for Playwright); otherwise it uses the in-memory test server.
/// Development environment: migrations apply and the demo seed runs at start-up, as with ./run.sh.
/// </summary>
public sealed class InfusionAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    private readonly FakeTimeProvider? _clock;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly CancellationTokenSource _stopTicking = new();

    private readonly Task? _ticking;

    /// <param name="now">Starts the app's clock (a FakeTimeProvider) at this instant; null keeps the real clock.</param>
    /// <param name="settings">Configuration on top of the test defaults (e.g. a log file for a test that reads the logs).</param>
    /// <param name="port">With <paramref name="realPort"/>: the loopback port (0 picks a free one).</param>
    public InfusionAppFactory(string connectionString, bool realPort = false, DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
        _clock = now is { } start ? new FakeTimeProvider(start) : null;
        if (_clock is not null && realPort)
        {
            // A browser drives this app: its clock starts at "now" and then runs in real time, because the UI's own
            // timers (MudBlazor's popovers and search debounce) are created on the app's TimeProvider.
            _ticking = Task.Run(() => RunClockAsync(_clock, _stopTicking.Token));
        }
        if (realPort)
        {
            UseKestrel(port);
            StartServer();
        }
    }

    public string ConnectionString => _connectionString;

    /// <summary>
    /// The app's clock when started with a fixed "now": on the in-memory server it stands still until a test advances it;
    /// on a real port (browser tests) it runs on in real time from that instant.
    /// </summary>
    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException("this app runs on the real clock");

    /// <summary>Base address of the running app (http://127.0.0.1:port/ with a real port).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:InfusionCenter", _connectionString);
        builder.UseSetting("Serilog:File:Path", ""); // no log files from tests
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
        }
    }

    /// <summary>Role whose bearer token <c>CreateClient()</c> clients carry (null: anonymous). Default Admin (may do everything).</summary>
    public string? ClientRole { get; set; } = "Admin";

    private static readonly AsyncLocal<(bool Set, string? Role)> RoleOverride = new();
    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>Demo accounts of the Development seed (API.md).</summary>
    public static (string Email, string Password) AccountFor(string role) => role switch
    {
        "Admin" => ("admin@infusion.test", "Admin#2026!"),
        "Manager" => ("manager@infusion.test", "Manager#2026!"),
        "Nurse" => ("nurse@infusion.test", "Nurse#2026!"),
        "Coordinator" => ("coordinator@infusion.test", "Coordinator#2026!"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>A client signed in (bearer token) as <paramref name="role"/>, or anonymous when null.</summary>
    public HttpClient CreateClientAs(string? role)
    {
        var client = WithRole(null, CreateClient);
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role));
        }

        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var role = RoleOverride.Value.Set ? RoleOverride.Value.Role : ClientRole;
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role));
        }
    }

    /// <summary>A bearer token for the demo account of <paramref name="role"/> (cached), got through POST /api/auth/token.</summary>
    public string TokenFor(string role)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(role, out var cached))
            {
                return cached;
            }
        }

        var (email, password) = AccountFor(role);
        using var raw = WithRole(null, CreateClient);
        using var response = raw.PostAsJsonAsync("/api/auth/token", new { email, password }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        var token = body.RootElement.GetProperty("accessToken").GetString()!;
        lock (_tokens)
        {
            _tokens[role] = token;
        }

        return token;
    }

    private static T WithRole<T>(string? role, Func<T> action)
    {
        var previous = RoleOverride.Value;
        RoleOverride.Value = (true, role);
        try
        {
            return action();
        }
        finally
        {
            RoleOverride.Value = previous;
        }
    }

    private static async Task RunClockAsync(FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var current = System.Diagnostics.Stopwatch.GetTimestamp();
            clock.Advance(System.Diagnostics.Stopwatch.GetElapsedTime(last, current));
            last = current;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stopTicking.CancelAsync();
        if (_ticking is not null)
        {
            await _ticking;
        }

        _stopTicking.Dispose();
        await base.DisposeAsync();
    }

    public async Task<InfusionDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>().CreateDbContextAsync();
}

