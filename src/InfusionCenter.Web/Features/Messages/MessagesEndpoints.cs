using System.Globalization;
using System.Text;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>API.md "Patient messages": the appointment's calendar file.</summary>
public static class MessagesEndpoints
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.Section)
            .Validate(MessagesOptions.IsValid, "Messages:UidDomain must be a host name (letters, digits, '.' and '-') and Messages:PublicBaseUrl an http(s) address.").ValidateOnStart();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<MessageLinks>();
        services.AddScoped<ReminderPreferencesValidator>();
        return services.AddScoped<CalendarFileService>().AddScoped<ReminderPreferencesService>();
    }

    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/appointments/{id:int}/ics", CalendarFileAsync).WithTags("Appointments").RequireAuthorization(Policies.Read)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The appointment as an iCalendar file (one VEVENT in the clinic's time zone; METHOD:CANCEL once cancelled)");
        app.MapGet("/api/patients/{id:int}/reminders", GetRemindersAsync).WithTags("Patients").RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The patient's reminder channel, consent (when, by whom), opt-out and contact");
        app.MapPut("/api/patients/{id:int}/reminders", SetRemindersAsync).WithTags("Patients").RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record the patient's reminder channel and consent or opt-out (audited); bad email or phone -> 400 field errors");
    }

    private static async Task<Ok<ReminderPreferencesDto>> GetRemindersAsync(int id, ReminderPreferencesService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Ok<ReminderPreferencesDto>> SetRemindersAsync(int id, ReminderPreferencesRequest request, ReminderPreferencesService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await service.SetAsync(id, request, Audit.AuditUser.NameOf(http.User), ct));

    /// <summary>GET /api/appointments/{id}/ics -> text/calendar, offered as a download named after the appointment.</summary>
    private static async Task<FileContentHttpResult> CalendarFileAsync(int id, CalendarFileService files, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await files.ForAppointmentAsync(id, ct)), CalendarFile.ContentType,
            string.Create(CultureInfo.InvariantCulture, $"appointment-{id}.ics"));
}
