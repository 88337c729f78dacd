using InfusionCenter.Web.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        // API.md: POST /api/auth/token -> {"accessToken", "tokenType": "Bearer", "expiresIn": 3600}
        app.MapPost("/api/auth/token", async (TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["email is required."] : [],
                    ["password"] = string.IsNullOrEmpty(request.Password) ? ["password is required."] : [],
                }.Where(e => e.Value.Length > 0).ToDictionary(), detail: "email and password are required.");
            }

            var user = await users.FindByEmailAsync(request.Email.Trim());
            if (user is null)
            {
                await audit.SignInAsync(request.Email.Trim(), succeeded: false, "unknown account (API)");
                return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "Wrong email or password.");
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (result.IsLockedOut && AccountLockout.IsDisabled(user))
            {
                // Disabled by an admin: not a wait-and-retry lockout (401, said only to someone who knows the password).
                var known = await users.CheckPasswordAsync(user, request.Password);
                await audit.SignInAsync(user.Email!, succeeded: false, "disabled account (API)");
                return Results.Problem(statusCode: 401, title: "Unauthorized", detail: known ? AccountLockout.DisabledMessage : "Wrong email or password.");
            }

            if (result.IsLockedOut)
            {
                await audit.SignInAsync(user.Email!, succeeded: false, "locked out (API)");
                return Results.Problem(statusCode: 423, title: "Locked", detail: AccountLockout.LockedMessage);
            }

            if (!result.Succeeded)
            {
                await audit.SignInAsync(user.Email!, succeeded: false, "wrong password (API)");
                return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "Wrong email or password.");
            }

            await audit.SignInAsync(user.Email!, succeeded: true, "token (API)");
            var principal = await signIn.CreateUserPrincipalAsync(user);
            // The bearer-token handler writes {"tokenType":"Bearer","accessToken":...,"expiresIn":3600,"refreshToken":...}.
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithTags("Authentication");

        // Sign-out from the UI (a form POST with an antiforgery token).
        app.MapPost("/signout", async (HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();
    }
}
