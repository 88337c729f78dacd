using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>API.md "Patients and regimens": enrolment, regimens and recording doses.</summary>
public static class RegimenEndpoints
{
    public static IServiceCollection AddRegimens(this IServiceCollection services) => services.AddScoped<RegimenService>();

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

        var doses = app.MapGroup("/api/doses").WithTags("Patients").RequireAuthorization(Policies.Nursing);
        doses.MapPost("/{id:int}/given", async (int id, GivenRequest request, RegimenService regimens, CancellationToken ct) =>
            Results.Ok(await regimens.RecordGivenAsync(id, request, ct)));
        doses.MapPost("/{id:int}/missed", async (int id, RegimenService regimens, CancellationToken ct) =>
            Results.Ok(await regimens.RecordMissedAsync(id, ct)));
    }
}
