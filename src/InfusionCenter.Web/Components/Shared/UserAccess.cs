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
    /// <summary>Clinical actions: check in, record doses, enrol, stop or re-dose a regimen, measurements (nurses and admins).</summary>
    public Task<bool> CanWriteAsync() => AllowsAsync(Policies.Nursing);

    /// <summary>
    /// May edit patients' records, insurance, authorizations, orders and drug supply, and book (nurses, coordinators and admins);
    /// clinical actions stay <see cref="CanWriteAsync"/>.
    /// </summary>
    public Task<bool> CanScheduleAsync() => AllowsAsync(Policies.Scheduling);

    public Task<bool> IsAdminAsync() => AllowsAsync(Policies.Admin);

    public async Task<bool> AllowsAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
