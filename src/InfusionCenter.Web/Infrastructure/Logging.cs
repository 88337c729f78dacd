using System.Globalization;
using Serilog;
using Serilog.Events;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>
/// Logging through Serilog.AspNetCore. Sinks and levels come from the <c>Serilog</c> configuration section
/// (appsettings.json: the console, behind an async wrapper so a slow terminal never holds up a request); the rolling
/// file is added here from <c>Serilog:File:Path</c> because its path is relative to the content root, not the
/// working directory. Logs carry ids only: no names, MRNs, birth dates or contact details.
/// </summary>
public static class Logging
{
    public static void AddInfusionLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        // preserveStaticLogger: every app host (the test tiers run several in one process) keeps its own logger,
        // disposed and flushed with the host; the static Log.Logger is never touched.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (configuration["Serilog:File:Path"] is { Length: > 0 } path)
            {
                logger.WriteTo.Async(sink => sink.File(
                    Path.GetFullPath(path, contentRoot),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: configuration.GetValue("Serilog:File:RetainedDays", 14),
                    outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture,
                    // Written through a buffer and flushed every second (and on shutdown), not once per line.
                    buffered: true,
                    flushToDiskInterval: TimeSpan.FromSeconds(1)),
                    // A burst larger than the queue waits for the writer instead of dropping lines without a trace.
                    bufferSize: 10_000, blockWhenFull: true);
            }
        }, preserveStaticLogger: true);
    }

    /// <summary>
    /// One line per HTTP request: method, path, status and elapsed ms. Only the path is logged, never the query string
    /// (a search for a patient's name must not reach the logs). Blazor's circuit traffic and static files are logged
    /// at Debug (hidden by default); server errors at Error.
    /// </summary>
    public static IApplicationBuilder UseInfusionRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsPlumbing(context.Request.Path) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/_blazor", StringComparison.Ordinal)
        || path.StartsWithSegments("/_framework", StringComparison.Ordinal)
        || path.StartsWithSegments("/_content", StringComparison.Ordinal)
        || (!path.StartsWithSegments("/api", StringComparison.Ordinal) && Path.HasExtension(path.Value));
}
