namespace InfusionCenter.Web.Features.Board;

/// <summary>The live chair board: changes to appointments reach every open board and Today page (LISTEN/NOTIFY).</summary>
public static class BoardSetup
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddSingleton<BoardEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardEvents>());
        return services;
    }
}
