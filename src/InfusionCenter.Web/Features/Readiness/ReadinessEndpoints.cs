using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>
/// API.md "Readiness": a dose's readiness, the intake worklist, the expiring list, the clinic's rules, and the records they
/// come from (coverage, authorizations, orders, drug supply). Everyone signed in reads; nurses, coordinators and admins
/// write (<see cref="Policies.Scheduling"/>); admins set the rules.
/// </summary>
public static class ReadinessEndpoints
{
    public static IServiceCollection AddReadiness(this IServiceCollection services) =>
        services.AddScoped<ReadinessService>().AddScoped<ReadinessRecordService>();

    public static void MapReadiness(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Readiness").RequireAuthorization(Policies.Read);
        api.MapGet("/doses/{id:int}/readiness", ForDoseAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Whether the dose is ready on its day (the appointment's, else the target date): what is missing, each blocking or a warning");
        api.MapGet("/intake", IntakeAsync).WithSummary("Active regimens whose next dose is not ready, with what is missing, by that dose's date");
        api.MapGet("/readiness/expiring", ExpiringAsync).ProducesValidationProblem()
            .WithSummary("Authorizations ending or running out of approved doses within days (0–3650, default 45) and plans due for re-verification");
        api.MapGet("/readiness/day", DayCheckAsync).ProducesValidationProblem()
            .WithSummary("The day-before check: that day's dose appointments that are not ready, with what is missing (date required, YYYY-MM-DD)");
        api.MapGet("/readiness/rules", RulesAsync);
        api.MapPut("/readiness/rules", SaveRulesAsync).RequireAuthorization(Policies.Admin).ProducesValidationProblem()
            .WithSummary("Which readiness codes block a booking (the others warn) and whether a signed order is required");

        api.MapGet("/patients/{id:int}/coverage", CoveragesAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/patients/{id:int}/coverage", AddCoverageAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/coverage/{id:int}", UpdateCoverageAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/coverage/{id:int}", DeleteCoverageAsync).RequireAuthorization(Policies.Scheduling).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/regimens/{id:int}/authorizations", AuthorizationsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/regimens/{id:int}/authorizations", AddAuthorizationAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/authorizations/{id:int}", UpdateAuthorizationAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/regimens/{id:int}/orders", OrdersAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/regimens/{id:int}/orders", AddOrderAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/orders/{id:int}", UpdateOrderAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/doses/{id:int}/drug", DrugAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/doses/{id:int}/drug", SetDrugAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>GET /api/doses/{id}/readiness -> <c>{"ready", "missing": [{"code", "detail", "blocking"}], ...}</c>.</summary>
    private static async Task<Ok<ReadinessDto>> ForDoseAsync(int id, ReadinessService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ForDoseAsync(id, ct));

    /// <summary>GET /api/intake -> regimens not ready to schedule, by next target date.</summary>
    private static async Task<Ok<IReadOnlyList<IntakeItemDto>>> IntakeAsync(ReadinessService service, CancellationToken ct) =>
        TypedResults.Ok(await service.IntakeAsync(ct));

    /// <summary>GET /api/readiness/expiring?days=45.</summary>
    private static async Task<Ok<ExpiringDto>> ExpiringAsync(string? days, ReadinessService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var window = QueryParsing.Int(days, "days", errors);
        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : TypedResults.Ok(await service.ExpiringAsync(window ?? ReadinessService.DefaultExpiringDays, ct));
    }

    /// <summary>GET /api/readiness/day?date=YYYY-MM-DD.</summary>
    private static async Task<Ok<DayCheckDto>> DayCheckAsync(string? date, ReadinessService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var day = QueryParsing.Date(date, "date", errors);
        if (day is null && errors.Count == 0)
        {
            errors["date"] = ["date is required (YYYY-MM-DD, clinic-local day)."];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : TypedResults.Ok(await service.DayCheckAsync(day!.Value, ct));
    }

    /// <summary>GET /api/readiness/rules.</summary>
    private static async Task<Ok<ReadinessRulesDto>> RulesAsync(ReadinessService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetRulesAsync(ct));

    /// <summary>PUT /api/readiness/rules (Admin).</summary>
    private static async Task<Ok<ReadinessRulesDto>> SaveRulesAsync(ReadinessRulesRequest request, ReadinessService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SaveRulesAsync(request, ct));

    /// <summary>GET /api/patients/{id}/coverage -> the patient's plans.</summary>
    private static async Task<Ok<IReadOnlyList<CoverageDto>>> CoveragesAsync(int id, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CoveragesAsync(id, ct));

    /// <summary>POST /api/patients/{id}/coverage -> 201 with the plan.</summary>
    private static async Task<Created<CoverageDto>> AddCoverageAsync(int id, CoverageRequest request, ReadinessRecordService service, CancellationToken ct)
    {
        var coverage = await service.AddCoverageAsync(id, request, ct);
        return TypedResults.Created($"/api/coverage/{coverage.Id}", coverage);
    }

    /// <summary>PUT /api/coverage/{id} -> the plan.</summary>
    private static async Task<Ok<CoverageDto>> UpdateCoverageAsync(int id, CoverageRequest request, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateCoverageAsync(id, request, ct));

    /// <summary>DELETE /api/coverage/{id} -> 204.</summary>
    private static async Task<NoContent> DeleteCoverageAsync(int id, ReadinessRecordService service, CancellationToken ct)
    {
        await service.DeleteCoverageAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>GET /api/regimens/{id}/authorizations.</summary>
    private static async Task<Ok<IReadOnlyList<AuthorizationDto>>> AuthorizationsAsync(int id, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.AuthorizationsAsync(id, ct));

    /// <summary>POST /api/regimens/{id}/authorizations -> 201.</summary>
    private static async Task<Created<AuthorizationDto>> AddAuthorizationAsync(int id, AuthorizationRequest request, ReadinessRecordService service, CancellationToken ct)
    {
        var authorization = await service.AddAuthorizationAsync(id, request, ct);
        return TypedResults.Created($"/api/authorizations/{authorization.Id}", authorization);
    }

    /// <summary>PUT /api/authorizations/{id}.</summary>
    private static async Task<Ok<AuthorizationDto>> UpdateAuthorizationAsync(int id, AuthorizationRequest request, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAuthorizationAsync(id, request, ct));

    /// <summary>GET /api/regimens/{id}/orders.</summary>
    private static async Task<Ok<IReadOnlyList<OrderDto>>> OrdersAsync(int id, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OrdersAsync(id, ct));

    /// <summary>POST /api/regimens/{id}/orders -> 201.</summary>
    private static async Task<Created<OrderDto>> AddOrderAsync(int id, OrderRequest request, ReadinessRecordService service, CancellationToken ct)
    {
        var order = await service.AddOrderAsync(id, request, ct);
        return TypedResults.Created($"/api/orders/{order.Id}", order);
    }

    /// <summary>PUT /api/orders/{id}.</summary>
    private static async Task<Ok<OrderDto>> UpdateOrderAsync(int id, OrderRequest request, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateOrderAsync(id, request, ct));

    /// <summary>GET /api/doses/{id}/drug.</summary>
    private static async Task<Ok<DrugSupplyDto>> DrugAsync(int id, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.DrugAsync(id, ct));

    /// <summary>PUT /api/doses/{id}/drug.</summary>
    private static async Task<Ok<DrugSupplyDto>> SetDrugAsync(int id, DrugSupplyRequest request, ReadinessRecordService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SetDrugAsync(id, request, ct));
}
