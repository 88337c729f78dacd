using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>API.md "Protocols and dosing calendars".</summary>
public static class ProtocolEndpoints
{
    public static IServiceCollection AddProtocols(this IServiceCollection services) => services
        .AddScoped<ProtocolService>();

    public static void MapProtocols(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/protocols").WithTags("Protocols").RequireAuthorization(Policies.Read);

        api.MapGet("/", async (ProtocolService service, CancellationToken ct) =>
            (await service.ListAsync(ct)).Select(p => new
            {
                p.Code, p.Name, p.Version, drug = p.Drug, brandName = p.BrandName, bsaDosed = p.BsaDosed,
                courseSeries = p.CourseSeries, cumulativeCapMgPerM2 = p.CumulativeCapMgPerM2, updatedAt = p.UpdatedAt,
            }));

        api.MapGet("/{code}", async (string code, ProtocolService service, CancellationToken ct) =>
            ToResponse(await service.GetAsync(code, ct)));

        api.MapGet("/{code}/versions", async (string code, ProtocolService service, CancellationToken ct) =>
        {
            var versions = await service.VersionsAsync(code, ct);
            return versions.Count == 0
                ? Results.Problem(statusCode: 404, title: "Not found", detail: $"No protocol with code '{code}'.")
                : Results.Ok(versions.Select(v => new { v.Version, v.Definition.Name, v.CreatedAt, v.CreatedBy }));
        });

        api.MapPut("/{code}", async (string code, ProtocolDefinition definition, [FromQuery] int? expectedVersion, ProtocolService service, HttpContext http, CancellationToken ct) =>
            ToResponse(await service.SaveAsync(code, definition, expectedVersion, Audit.AuditUser.NameOf(http.User), ct)))
            .RequireAuthorization(Policies.Admin);

        api.MapGet("/{code}/calendar", async (string code, [AsParameters] CalendarParameters p, ProtocolService service, CancellationToken ct) =>
        {
            var (protocol, calendar) = await service.PreviewAsync(code, p.ToQuery(), ct);
            return ToResponse(protocol, calendar);
        });
    }

    /// <summary>The full definition plus the version number.</summary>
    internal static object ToResponse(ProtocolVersionView view) => new ProtocolResponse(view.Version, view.CreatedAt, view.CreatedBy, view.Definition);

    internal static object ToResponse(ProtocolVersionView protocol, CalendarResult calendar) => new
    {
        protocol = protocol.Code,
        version = protocol.Version,
        stopReason = calendar.StopReason,
        until = calendar.Until,
        bsa = calendar.Bsa,
        priorCumulativeMgPerM2 = calendar.PriorCumulativeMgPerM2,
        cumulativeMgPerM2 = calendar.CumulativeMgPerM2,
        doses = calendar.Doses.Select(d => new
        {
            sequence = d.Sequence,
            date = d.Date,
            earliest = d.Earliest,
            latest = d.Latest,
            amount = d.Amount,
            unit = d.Unit,
            amountPerM2 = d.AmountPerM2,
            chairMinutes = d.ChairMinutes,
            course = d.Course,
            dayInCourse = d.DayInCourse,
            label = d.Label,
        }),
        warnings = calendar.Warnings.Select(w => new { sequence = w.Sequence, code = w.Code, message = w.Message }),
    };

    /// <summary>Query string of the calendar preview; bad values (e.g. start=tomorrow) are 400s, not 500s.</summary>
    internal sealed class CalendarParameters
    {
        public string? Start { get; init; }
        public string? Until { get; init; }
        public string? Bsa { get; init; }
        public string? PriorCumulativeMgPerM2 { get; init; }
        public string? Days { get; init; }
        public string? IntervalWeeks { get; init; }

        public CalendarQuery ToQuery()
        {
            var errors = new Dictionary<string, string[]>();
            var query = new CalendarQuery(
                QueryParsing.Date(Start, "start", errors),
                QueryParsing.Date(Until, "until", errors),
                QueryParsing.Decimal(Bsa, "bsa", errors),
                QueryParsing.Decimal(PriorCumulativeMgPerM2, "priorCumulativeMgPerM2", errors),
                QueryParsing.Int(Days, "days", errors),
                QueryParsing.Int(IntervalWeeks, "intervalWeeks", errors));
            return errors.Count > 0 ? throw new Infrastructure.RequestValidationException(errors) : query;
        }
    }
}
