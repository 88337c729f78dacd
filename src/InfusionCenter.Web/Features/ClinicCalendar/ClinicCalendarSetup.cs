namespace InfusionCenter.Web.Features.ClinicCalendar;

/// <summary>The clinic's calendar (hours, closures, staffing, time zone) as the other features read it.</summary>
public static class ClinicCalendarSetup
{
    public static IServiceCollection AddClinicCalendar(this IServiceCollection services) => services.AddSingleton<ClinicCalendarService>();
}
