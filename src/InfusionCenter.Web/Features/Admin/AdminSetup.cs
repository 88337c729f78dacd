namespace InfusionCenter.Web.Features.Admin;

/// <summary>The admin screens: clinic settings, hours, closures, staffing, chairs (through the Chairs feature) and accounts.</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<ClinicAdminService>().AddScoped<AccountAdminService>();
}
