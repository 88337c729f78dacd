using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>
/// Who is acting, for the audit trail. An AsyncLocal set per HTTP request (middleware) and per Blazor
/// circuit activity (<see cref="AuditCircuitHandler"/>), read by <see cref="AuditInterceptor"/> inside
/// SaveChanges — services need not pass the user around.
/// </summary>
public static class AuditUser
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string Name => Current.Value ?? "system";

    public static IDisposable Set(string? name)
    {
        var previous = Current.Value;
        Current.Value = name;
        return new Restore(previous);
    }

    public static string? NameOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    public static IApplicationBuilder UseAuditUser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using (Set(NameOf(context.User)))
        {
            await next(context);
        }
    });
}

/// <summary>Sets <see cref="AuditUser"/> for every inbound activity of a Blazor circuit (clicks, form submits).</summary>
internal sealed class AuditCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            using (AuditUser.Set(AuditUser.NameOf(state.User)))
            {
                await next(context);
            }
        };
}
