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
        return services.AddScoped<RegimenService>().AddScoped<DoseOptionService>();
    }

    public static void MapRegimens(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.Read);
        patients.MapGet("/{id:int}/regimens", ForPatientAsync);
        patients.MapPost("/{id:int}/regimens", EnrolAsync).RequireAuthorization(Policies.Nursing);

        app.MapGet("/api/regimens/{id:int}", GetAsync).WithTags("Patients").RequireAuthorization(Policies.Read);
        app.MapPost("/api/regimens/{id:int}/stop", StopAsync).WithTags("Patients").RequireAuthorization(Policies.Nursing);
        app.MapPost("/api/regimens/{id:int}/switch", SwitchAsync).WithTags("Patients").RequireAuthorization(Policies.Nursing)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/regimens/{id:int}/redose", RedoseAsync).WithTags("Patients").RequireAuthorization(Policies.Nursing)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Re-dose the doses still to give for the patient's current BSA (mg/m² × BSA, rounded per protocol; audited); "
                + "409 when there is nothing to re-dose or the BSA is no longer the optional confirmed \"bsa\"");

        var doses = app.MapGroup("/api/doses").WithTags("Patients").RequireAuthorization(Policies.Nursing);
        doses.MapPost("/{id:int}/given", RecordGivenAsync);
        doses.MapPost("/{id:int}/missed", RecordMissedAsync);
        app.MapGet("/api/doses/{id:int}/options", OptionsAsync).WithTags("Patients").RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("How the dose can be given (administration options with their chair time), which the patient is eligible for and why");
        doses.MapPut("/{id:int}/option", ChooseOptionAsync)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Choose how the dose is given; a booked dose's appointment takes the option's chair time (409 when it no longer fits)");
        patients.MapGet("/{id:int}/reactions", ReactionsAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Infusion reactions recorded at the patient's completed visits, newest first");
    }

    /// <summary>GET /api/patients/{id}/regimens -> the patient's regimens with their doses; an unknown patient is a 404.</summary>
    private static async Task<Ok<List<RegimenDto>>> ForPatientAsync(int id, PatientService service, RegimenService regimens, CancellationToken ct)
    {
        await service.GetAsync(id, ct); // 404 for an unknown patient
        return TypedResults.Ok(await regimens.ForPatientAsync(id, ct));
    }

    /// <summary>POST /api/patients/{id}/regimens -> 201 with the regimen and its dosing calendar.</summary>
    private static async Task<Created<RegimenDto>> EnrolAsync(int id, EnrolRequest request, RegimenService regimens, CancellationToken ct)
    {
        var regimen = await regimens.EnrolAsync(id, request, ct);
        return TypedResults.Created($"/api/regimens/{regimen.Id}", regimen);
    }

    /// <summary>GET /api/regimens/{id} -> the regimen with its doses.</summary>
    private static async Task<Ok<RegimenDto>> GetAsync(int id, RegimenService regimens, CancellationToken ct) =>
        TypedResults.Ok(await regimens.GetAsync(id, ct));

    /// <summary>POST /api/regimens/{id}/switch -> 201 with the new regimen; the old one is stopped in the same transaction.</summary>
    private static async Task<Created<RegimenDto>> SwitchAsync(int id, SwitchRegimenRequest request, RegimenService regimens, HttpContext http, CancellationToken ct)
    {
        var regimen = await regimens.SwitchAsync(id, request, Audit.AuditUser.NameOf(http.User), ct);
        return TypedResults.Created($"/api/regimens/{regimen.Id}", regimen);
    }

    /// <summary>POST /api/regimens/{id}/stop <c>{"reason"}</c> -> the stopped regimen (future doses and their appointments cancelled).</summary>
    private static async Task<Ok<RegimenDto>> StopAsync(int id, StopRegimenRequest request, RegimenService regimens, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await regimens.StopAsync(id, request, Audit.AuditUser.NameOf(http.User), ct));

    /// <summary>POST /api/doses/{id}/given <c>{"date"}</c> -> the regimen, later doses of the series re-anchored.</summary>
    private static async Task<Ok<RegimenDto>> RecordGivenAsync(int id, GivenRequest request, RegimenService regimens, CancellationToken ct) =>
        TypedResults.Ok(await regimens.RecordGivenAsync(id, request, ct));

    /// <summary>POST /api/doses/{id}/missed -> the regimen; the dose stays due (overdue) until given or cancelled.</summary>
    private static async Task<Ok<RegimenDto>> RecordMissedAsync(int id, RegimenService regimens, CancellationToken ct) =>
        TypedResults.Ok(await regimens.RecordMissedAsync(id, ct));

    /// <summary>GET /api/doses/{id}/options -> the dose's options with eligibility and reasons.</summary>
    private static async Task<Ok<DoseOptionsDto>> OptionsAsync(int id, DoseOptionService options, CancellationToken ct) =>
        TypedResults.Ok(await options.GetAsync(id, ct));

    /// <summary>PUT /api/doses/{id}/option <c>{"option"}</c> -> the dose's options with the new choice.</summary>
    private static async Task<Ok<DoseOptionsDto>> ChooseOptionAsync(int id, ChooseOptionRequest request, DoseOptionService options, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await options.ChooseAsync(id, request, Audit.AuditUser.NameOf(http.User), ct));

    /// <summary>GET /api/patients/{id}/reactions -> the reactions history (404 for an unknown patient).</summary>
    private static async Task<Ok<List<ReactionDto>>> ReactionsAsync(int id, DoseOptionService options, CancellationToken ct) =>
        TypedResults.Ok(await options.ReactionsAsync(id, ct));

    /// <summary>POST /api/regimens/{id}/redose: refusals (400, 404, 409) are the service's exceptions, written as ProblemDetails.</summary>
    private static async Task<Ok<RegimenDto>> RedoseAsync(int id, RedoseRequest? request, RegimenService regimens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await regimens.RedoseAsync(id, request, cancellationToken));
}
