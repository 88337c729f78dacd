using Bunit;
using Bunit.TestDoubles;
using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// bUnit contexts for our components: MudBlazor's services, loose JS interop (MudBlazor's own JS calls are not under
/// test), a signed-in user with a role's policies and, for components that call services, the real app's services on
/// a real PostgreSQL database (pass a scope of an <see cref="InfusionCenter.Testing.InfusionAppFactory"/>).
/// </summary>
internal static class ComponentTestSupport
{
    public static BunitContext Create(string role = Roles.Nurse, IServiceProvider? appServices = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<UserAccess>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized($"{role.ToLowerInvariant()}@infusion.test");
        auth.SetRoles(role);
        auth.SetPolicies(PoliciesOf(role));
        if (appServices is not null)
        {
            context.Services.AddFallbackServiceProvider(appServices);
        }

        return context;
    }

    /// <summary>Renders MudBlazor's popover and dialog providers, which dialogs and menus need to show anything.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderDialogHost(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<MudDialogProvider>();
    }

    private static string[] PoliciesOf(string role) => role switch
    {
        Roles.Admin => [Policies.Read, Policies.Nursing, Policies.Scheduling, Policies.Capacity, Policies.Admin],
        Roles.Manager => [Policies.Read, Policies.Capacity],
        Roles.Coordinator => [Policies.Read, Policies.Scheduling],
        _ => [Policies.Read, Policies.Nursing, Policies.Scheduling],
    };
}
