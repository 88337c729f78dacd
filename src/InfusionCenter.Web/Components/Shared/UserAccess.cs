using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace InfusionCenter.Web.Components.Shared;

/// <summary>
/// What the signed-in user may do, asked the same way on every page (the API enforces the same policies; this only
/// decides which buttons a page shows).
/// </summary>
public sealed class UserAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    /// <summary>May book, check in, record doses and enrol (nurses and admins).</summary>
    public Task<bool> CanWriteAsync() => AllowsAsync(Policies.Nursing);

    public Task<bool> IsAdminAsync() => AllowsAsync(Policies.Admin);

    public async Task<bool> AllowsAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
