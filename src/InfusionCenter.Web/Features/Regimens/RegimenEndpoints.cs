using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>API.md "Patients and regimens": enrolment, regimens and recording doses.</summary>
public static class RegimenEndpoints
{
    public static IServiceCollection AddRegimens(this IServiceCollection services)
    {
        services.AddOptions<DosingOptions>().BindConfiguration(DosingOptions.Section)
            .Validate(DosingOptions.IsValid, "Dosing:BsaChangeThreshold must be a share between 0 and 1 (0.10 = 10 %).").ValidateOnStart();
        return services.AddScoped<RegimenService>();
    }

    public static void MapRegimens(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.Read);
        patients.MapGet("/{id:int}/regimens", async (int id, PatientService service, RegimenService regimens, CancellationToken ct) =>
        {
            await service.GetAsync(id, ct); // 404 for an unknown patient
            return Results.Ok(await regimens.ForPatientAsync(id, ct));
        });

        patients.MapPost("/{id:int}/regimens", async (int id, EnrolRequest request, RegimenService regimens, CancellationToken ct) =>
        {
            var regimen = await regimens.EnrolAsync(id, request, ct);
            return Results.Created($"/api/regimens/{regimen.Id}", regimen);
        }).RequireAuthorization(Policies.Nursing);

        app.MapGet("/api/regimens/{id:int}", async (int id, RegimenService regimens, CancellationToken ct) =>
            Results.Ok(await regimens.GetAsync(id, ct))).WithTags("Patients").RequireAuthorization(Policies.Read);

        app.MapPost("/api/regimens/{id:int}/stop", async (int id, StopRegimenRequest request, RegimenService regimens, HttpContext http, CancellationToken ct) =>
            Results.Ok(await regimens.StopAsync(id, request, Audit.AuditUser.NameOf(http.User), ct))).WithTags("Patients").RequireAuthorization(Policies.Nursing);

        app.MapPost("/api/regimens/{id:int}/redose", RedoseAsync).WithTags("Patients").RequireAuthorization(Policies.Nursing)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Re-dose the doses still to give for the patient's current BSA (mg/m² × BSA, rounded per protocol; audited); "
                + "409 when there is nothing to re-dose or the BSA is no longer the optional confirmed \"bsa\"");

        var doses = app.MapGroup("/api/doses").WithTags("Patients").RequireAuthorization(Policies.Nursing);
        doses.MapPost("/{id:int}/given", async (int id, GivenRequest request, RegimenService regimens, CancellationToken ct) =>
            Results.Ok(await regimens.RecordGivenAsync(id, request, ct)));
        doses.MapPost("/{id:int}/missed", async (int id, RegimenService regimens, CancellationToken ct) =>
            Results.Ok(await regimens.RecordMissedAsync(id, ct)));
    }

    /// <summary>POST /api/regimens/{id}/redose: refusals (400, 404, 409) are the service's exceptions, written as ProblemDetails.</summary>
    private static async Task<Ok<RegimenDto>> RedoseAsync(int id, RedoseRequest? request, RegimenService regimens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await regimens.RedoseAsync(id, request, cancellationToken));
}
