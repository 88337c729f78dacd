using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
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
        api.MapGet("/", ListAsync);
        api.MapGet("/{code}", GetAsync);
        api.MapGet("/{code}/versions", VersionsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{code}", SaveAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/{code}/calendar", CalendarAsync);
    }

    /// <summary><c>GET /api/protocols</c> -> the protocols in use, by code, each with its current version.</summary>
    private static async Task<Ok<List<ProtocolSummary>>> ListAsync(ProtocolService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    /// <summary><c>GET /api/protocols/{code}</c> -> the full current definition plus the version number; an unknown code is a 404.</summary>
    private static async Task<Ok<ProtocolResponse>> GetAsync(string code, ProtocolService service, CancellationToken ct) =>
        TypedResults.Ok(ProtocolResponse.From(await service.GetAsync(code, ct)));

    /// <summary><c>GET /api/protocols/{code}/versions</c> -> every saved version, newest first; 404 when the code has none.</summary>
    private static async Task<Results<Ok<List<ProtocolVersionSummary>>, ProblemHttpResult>> VersionsAsync(string code, ProtocolService service, CancellationToken ct)
    {
        var versions = await service.VersionsAsync(code, ct);
        return versions.Count == 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No protocol with code '{code}'.")
            : TypedResults.Ok(versions.Select(v => new ProtocolVersionSummary(v.Version, v.Definition.Name, v.CreatedAt, v.CreatedBy)).ToList());
    }

    /// <summary>
    /// <c>PUT /api/protocols/{code}?expectedVersion</c> (Admin) -> the saved definition with its new version; refusals (400, and
    /// 409 when <c>expectedVersion</c> is no longer the current one) are the service's exceptions, written as ProblemDetails.
    /// </summary>
    private static async Task<Ok<ProtocolResponse>> SaveAsync(string code, ProtocolDefinition definition, [FromQuery] int? expectedVersion,
        ProtocolService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(ProtocolResponse.From(await service.SaveAsync(code, definition, expectedVersion, Audit.AuditUser.NameOf(http.User), ct)));

    /// <summary><c>GET /api/protocols/{code}/calendar?start&amp;until&amp;bsa&amp;priorCumulativeMgPerM2&amp;days&amp;intervalWeeks</c> -> the label schedule of one series.</summary>
    private static async Task<Ok<ProtocolCalendarResponse>> CalendarAsync(string code, [AsParameters] CalendarParameters p, ProtocolService service, CancellationToken ct)
    {
        var (protocol, calendar) = await service.PreviewAsync(code, p.ToQuery(), ct);
        return TypedResults.Ok(ProtocolCalendarResponse.From(protocol, calendar));
    }

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
