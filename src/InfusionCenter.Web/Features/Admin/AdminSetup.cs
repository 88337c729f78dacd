namespace InfusionCenter.Web.Features.Admin;

/// <summary>The admin screens: clinic settings, closures, staffing and accounts.</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services.AddScoped<ClinicAdminService>();
}
