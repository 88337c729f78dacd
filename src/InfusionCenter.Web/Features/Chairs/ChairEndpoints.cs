using InfusionCenter.Web.Features.Auth;

namespace InfusionCenter.Web.Features.Chairs;

/// <summary>API.md "Chairs, appointments, slots": the chairs.</summary>
public static class ChairEndpoints
{
    public static IServiceCollection AddChairs(this IServiceCollection services) => services.AddScoped<ChairService>();

    public static void MapChairs(this IEndpointRouteBuilder app)
    {
        var chairs = app.MapGroup("/api/chairs").WithTags("Chairs").RequireAuthorization(Policies.Read);
        chairs.MapGet("/", async (ChairService service, CancellationToken ct) => (await service.ListAsync(ct)).Select(ChairService.ToDto));
        chairs.MapPost("/", async (ChairRequest request, ChairService service, CancellationToken ct) =>
        {
            var chair = await service.CreateAsync(request, ct);
            return Results.Created($"/api/chairs/{chair.Id}", ChairService.ToDto(chair));
        }).RequireAuthorization(Policies.Admin);
        chairs.MapPut("/{id:int}", async (int id, ChairRequest request, ChairService service, CancellationToken ct) =>
            Results.Ok(ChairService.ToDto(await service.UpdateAsync(id, request, ct)))).RequireAuthorization(Policies.Admin);
    }
}
