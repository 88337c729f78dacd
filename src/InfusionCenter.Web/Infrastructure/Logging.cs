using System.Globalization;
using System.Diagnostics;
using Serilog;

namespace InfusionCenter.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog (console + rolling file) with levels from the <c>Serilog</c> configuration section.
    /// Serilog.AspNetCore does not restore in our feed, so Serilog is plugged into Microsoft.Extensions.Logging.
    /// </summary>
    public static void AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();
        // Rolling file: Serilog:File:Path (relative to the content root); empty switches it off.
        if (builder.Configuration["Serilog:File:Path"] is { Length: > 0 } path)
        {
            configuration.WriteTo.File(
                Path.GetFullPath(path, builder.Environment.ContentRootPath),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: builder.Configuration.GetValue("Serilog:File:RetainedDays", 14),
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture);
        }

        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    /// <summary>
    /// One line per HTTP request: method, path, status and elapsed ms. Only the path is logged,
    /// never the query string (a search for a patient's name must not reach the logs).
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("InfusionCenter.Http");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = context.Request.Path.Value;
                if (path is not null && !path.StartsWith("/_blazor", StringComparison.Ordinal))
                {
                    logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                        context.Request.Method, path, context.Response.StatusCode, elapsed);
                }
            }
        });
    }
}
