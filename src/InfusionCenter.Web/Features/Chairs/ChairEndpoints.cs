using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Chairs;

/// <summary>API.md "Chairs, appointments, slots": the chairs.</summary>
public static class ChairEndpoints
{
    public static IServiceCollection AddChairs(this IServiceCollection services) => services.AddScoped<ChairService>();

    public static void MapChairs(this IEndpointRouteBuilder app)
    {
        var chairs = app.MapGroup("/api/chairs").WithTags("Chairs").RequireAuthorization(Policies.Read);
        chairs.MapGet("/", ListAsync);
        chairs.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        chairs.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Admin);
    }

    /// <summary>GET /api/chairs -> every chair, active or not, in board order.</summary>
    private static async Task<Ok<List<ChairDto>>> ListAsync(ChairService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(ct)).ConvertAll(ChairService.ToDto));

    /// <summary>POST /api/chairs (Admin) -> 201 with the chair; refusals (400, 409 for a name in use) are the service's exceptions.</summary>
    private static async Task<Created<ChairDto>> CreateAsync(ChairRequest request, ChairService service, CancellationToken ct)
    {
        var chair = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/chairs/{chair.Id}", ChairService.ToDto(chair));
    }

    /// <summary>PUT /api/chairs/{id} (Admin) -> the chair with the fields given changed.</summary>
    private static async Task<Ok<ChairDto>> UpdateAsync(int id, ChairRequest request, ChairService service, CancellationToken ct) =>
        TypedResults.Ok(ChairService.ToDto(await service.UpdateAsync(id, request, ct)));
}
