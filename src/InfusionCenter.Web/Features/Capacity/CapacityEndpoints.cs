using System.Text;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>API.md "Capacity": the daily, readiness and chair-time-saved figures as JSON, every dashboard table as CSV (Manager, Admin).</summary>
public static class CapacityEndpoints
{
    public static IServiceCollection AddCapacity(this IServiceCollection services)
    {
        services.AddScoped<CapacityService>().AddScoped<ReadinessStatsService>().AddScoped<ChairTimeSavedService>();
        return services;
    }

    public static void MapCapacity(this IEndpointRouteBuilder app)
    {
        var capacity = app.MapGroup("/api/capacity").WithTags("Capacity").RequireAuthorization(Policies.Capacity);

        capacity.MapGet("/daily", DailyAsync)
            .ProducesValidationProblem()
            .WithSummary("Open and booked chair-minutes, utilization and peak chairs in use per clinic-local day");
        capacity.MapGet("/readiness", ReadinessAsync)
            .ProducesValidationProblem()
            .WithSummary("Days from referral to first dose per drug (median, 90th percentile) and the appointments not ready the day before, with the reasons");
        capacity.MapGet("/savings", SavingsAsync)
            .ProducesValidationProblem()
            .WithSummary("Chair-hours saved by shorter infusions (shorter*) and subcutaneous doses (sc*): given, booked and planned in the range, and per protocol")
            .WithDescription("given and booked: doses whose appointment starts in the range (on its clinic-local day; cancelled and no-shows left out), "
                + "given when completed; planned: doses due in the range not booked yet, with their current option's chair time. Each way: "
                + "shorterDoses/shorterHours (an option shorter than the dose's longest, e.g. the shorter ocrelizumab infusion: 315 - 225 min) and "
                + "scDoses/scHours (a maintenance dose of a shorter form of the same drug against its longest form's maintenance dose, e.g. "
                + "subcutaneous ocrelizumab: 315 - 55 min; first doses of that form are not counted). byProtocol: the same per protocol and way, "
                + "with what it is compared with.");
        capacity.MapGet("/{table}.csv", CsvAsync)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One table of the capacity dashboard as CSV (daily, weekdays, heatmap, nurse-load, outcomes, drugs, forecast, savings)");
    }

    /// <summary>GET /api/capacity/daily?from&amp;to -> one row per clinic-local day: open and booked chair-minutes, utilization, peak chairs in use.</summary>
    private static async Task<Ok<IReadOnlyList<DailyCapacity>>> DailyAsync(string? from, string? to, CapacityService service, CancellationToken ct)
    {
        var (first, last) = ParseRange(from, to, new Dictionary<string, string[]>());
        return TypedResults.Ok(await service.DailyAsync(first, last, ct));
    }

    /// <summary>
    /// GET /api/capacity/readiness?from&amp;to -> regimens whose first dose was given in the range with the days from referral
    /// (median, 90th percentile by nearest rank) per drug and for all drugs, and the share of the range's appointments (up to
    /// today) that were not ready as known the day before, with the missing items most often named.
    /// </summary>
    private static async Task<Ok<ReadinessStats>> ReadinessAsync(string? from, string? to, ReadinessStatsService service, CancellationToken ct)
    {
        var (first, last) = ParseRange(from, to, new Dictionary<string, string[]>());
        return TypedResults.Ok(await service.StatsAsync(first, last, ct));
    }

    /// <summary>
    /// GET /api/capacity/savings?from&amp;to -> chair time saved by shorter infusions and subcutaneous doses: given and booked in the
    /// range (by appointment day), planned in the range and not booked yet, and per protocol and way.
    /// </summary>
    private static async Task<Ok<ChairTimeSaved>> SavingsAsync(string? from, string? to, ChairTimeSavedService service, CancellationToken ct)
    {
        var (first, last) = ParseRange(from, to, new Dictionary<string, string[]>());
        return TypedResults.Ok(await service.SavedAsync(first, last, ct));
    }

    /// <summary>
    /// GET /api/capacity/{table}.csv?from&amp;to&amp;start -> the table as a CSV download named after it and its dates
    /// (<c>start</c>: the forecast's first day, default today); an unknown table is a 404 naming the tables.
    /// </summary>
    private static async Task<FileContentHttpResult> CsvAsync(string table, string? from, string? to, string? start, CapacityService service,
        ChairTimeSavedService savings, ClinicClock clock, CancellationToken ct)
    {
        if (!CapacityCsv.IsTable(table))
        {
            throw new NotFoundException($"No capacity table '{table}'. Tables: {string.Join(", ", CapacityCsv.Tables)}.");
        }

        var errors = new Dictionary<string, string[]>();
        var forecastStart = Date(start, "start", "forecast start date", errors);
        var (first, last) = ParseRange(from, to, errors);
        if (table == CapacityCsv.SavingsTable)
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(CapacityCsv.Savings(await savings.SavedAsync(first, last, ct))), "text/csv; charset=utf-8",
                $"capacity-{table}-{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.csv");
        }

        var dashboard = await service.DashboardAsync(first, last, forecastStart ?? await clock.TodayAsync(ct), ct);
        var fileName = table == "forecast"
            ? $"capacity-forecast-{dashboard.Forecast.Start:yyyy-MM-dd}.csv"
            : $"capacity-{table}-{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(CapacityCsv.Write(table, dashboard)), "text/csv; charset=utf-8", fileName);
    }

    private static (DateOnly From, DateOnly To) ParseRange(string? from, string? to, Dictionary<string, string[]> errors) =>
        CapacityService.ValidateRange(Date(from, "from", "start date", errors), Date(to, "to", "end date", errors), errors);

    /// <summary>A query date under its API key, with a message in words when it is not a date.</summary>
    private static DateOnly? Date(string? value, string field, string name, Dictionary<string, string[]> errors)
    {
        var date = QueryParsing.Date(value, field, errors);
        if (errors.ContainsKey(field))
        {
            errors[field] = [$"The {name} must be a date written as YYYY-MM-DD."];
        }

        return date;
    }
}
