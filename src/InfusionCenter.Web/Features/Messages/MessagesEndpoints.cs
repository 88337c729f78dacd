using System.Globalization;
using InfusionCenter.Web.Features.Auth;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>API.md "Patient messages": the appointment's calendar file.</summary>
public static class MessagesEndpoints
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.Section)
            .Validate(MessagesOptions.IsValid, "Messages:UidDomain must be a host name (letters, digits, '.' and '-').").ValidateOnStart();
        services.AddSingleton<CalendarStamp>();
        return services.AddScoped<CalendarFileService>();
    }

    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/appointments/{id:int}/ics", CalendarFileAsync).WithTags("Appointments").RequireAuthorization(Policies.Read)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The appointment as an iCalendar file (one VEVENT in the clinic's time zone; METHOD:CANCEL once cancelled)");
    }

    /// <summary>GET /api/appointments/{id}/ics -> text/calendar, offered as a download named after the appointment.</summary>
    private static async Task<IResult> CalendarFileAsync(int id, CalendarFileService files, HttpContext http, CancellationToken ct)
    {
        var text = await files.ForAppointmentAsync(id, ct);
        http.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"appointment-{id}.ics\"");
        return Results.Text(text, CalendarFile.ContentType);
    }
}
