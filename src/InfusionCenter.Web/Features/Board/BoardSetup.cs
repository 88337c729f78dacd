namespace InfusionCenter.Web.Features.Board;

/// <summary>
/// The live chair board: the board's and the day list's data (BoardService) and the changes to appointments that reach
/// every open board and Today page (BoardEvents, LISTEN/NOTIFY).
/// </summary>
public static class BoardSetup
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddScoped<BoardService>();
        services.AddSingleton<BoardEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardEvents>());
        return services;
    }
}
