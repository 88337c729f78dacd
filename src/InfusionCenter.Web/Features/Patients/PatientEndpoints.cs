using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Patients;

/// <summary>API.md "Patients and regimens".</summary>
public static class PatientEndpoints
{
    public static IServiceCollection AddPatients(this IServiceCollection services) => services
        .AddScoped<PatientService>();

    public static void MapPatients(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.Read);

        patients.MapPost("/", CreateAsync).RequireAuthorization(Policies.Scheduling);

        patients.MapGet("/{id:int}", GetAsync);

        patients.MapPut("/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Correct a patient's name, MRN, birth date, phone and email (all replaced; audited; an MRN another patient has is a 409)");

        patients.MapPut("/{id:int}/measurements", UpdateMeasurementsAsync).RequireAuthorization(Policies.Nursing);

        patients.MapPut("/{id:int}/authorization", SetAuthorizationAsync).RequireAuthorization(Policies.Scheduling);

        patients.MapPut("/{id:int}/preferences", SetPreferencesAsync)
            .RequireAuthorization(Policies.Scheduling)
            .WithSummary("Preferred time of day (none, morning, afternoon) and weekdays: soft preferences for slot searches");

        patients.MapGet("/", SearchAsync)
            .ProducesValidationProblem()
            .WithSummary($"Patients whose name or MRN contains search, by name: skip (0 or more) and take (1–{PatientService.MaxPageSize}, default 50) page them");
    }

    /// <summary>POST /api/patients -> 201 with the patient; a duplicate MRN is a 409.</summary>
    private static async Task<Created<PatientDto>> CreateAsync(CreatePatientRequest request, PatientService service, CancellationToken ct)
    {
        var patient = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/patients/{patient.Id}", patient);
    }

    /// <summary>GET /api/patients/{id} -> <c>{"patient", "regimens"}</c>; an unknown patient is a 404.</summary>
    private static async Task<Ok<PatientDetail>> GetAsync(int id, PatientService service, RegimenService regimens, CancellationToken ct)
    {
        var patient = await service.GetAsync(id, ct);
        return TypedResults.Ok(new PatientDetail(patient, await regimens.ForPatientAsync(id, ct)));
    }

    /// <summary>PUT /api/patients/{id}/measurements -> the patient with the new height, weight and BSA.</summary>
    private static async Task<Ok<PatientDto>> UpdateMeasurementsAsync(int id, UpdateMeasurementsRequest request, PatientService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateMeasurementsAsync(id, request, ct));

    /// <summary>PUT /api/patients/{id}/authorization <c>{"expires"}</c> -> the patient (a null date clears the authorization).</summary>
    private static async Task<Ok<PatientDto>> SetAuthorizationAsync(int id, AuthorizationRequest request, PatientService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SetAuthorizationAsync(id, request.Expires, ct));

    /// <summary>PUT /api/patients/{id}/preferences -> the patient with the new scheduling preferences.</summary>
    private static async Task<Ok<PatientDto>> SetPreferencesAsync(int id, SchedulingPreferencesRequest request, PatientService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SetPreferencesAsync(id, request, ct));

    /// <summary>GET /api/patients?search&amp;skip&amp;take -> <c>{"total", "items"}</c>; a take above the page limit is a 400 naming it.</summary>
    private static async Task<Ok<PatientSearchPage>> SearchAsync(string? search, string? skip, string? take, PatientService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var skipValue = QueryParsing.Int(skip, "skip", errors) ?? 0;
        var takeValue = QueryParsing.Int(take, "take", errors) ?? 50;
        if (!errors.ContainsKey("skip") && skipValue < 0)
        {
            errors["skip"] = ["skip must be 0 or more."];
        }

        if (!errors.ContainsKey("take") && takeValue is < 1 or > PatientService.MaxPageSize)
        {
            errors["take"] = [$"take must be between 1 and {PatientService.MaxPageSize} (patients per page)."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (items, total) = await service.SearchAsync(search, skipValue, takeValue, cancellationToken: ct);
        return TypedResults.Ok(new PatientSearchPage(total, items));
    }

    /// <summary>PUT /api/patients/{id}: refusals (400, 404, 409) are the service's exceptions, written as ProblemDetails.</summary>
    private static async Task<Ok<PatientDto>> UpdateAsync(int id, UpdatePatientRequest request, PatientService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, cancellationToken));
}
