using InfusionCenter.Web.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", TokenAsync).AllowAnonymous().WithTags("Authentication")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);

        // Sign-out from the UI (a form POST with an antiforgery token).
        app.MapPost("/signout", SignOutAsync).ExcludeFromDescription();
    }

    /// <summary>
    /// API.md: <c>POST /api/auth/token</c> -> <c>{"accessToken", "tokenType": "Bearer", "expiresIn": 3600}</c>. The sign-in result
    /// hands the principal to the bearer-token handler, which writes that body (with a <c>refreshToken</c>). Wrong credentials
    /// are a 401; a locked-out account a 423 (a disabled one a 401 with the reason, said only to someone who knows the password).
    /// </summary>
    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> TokenAsync(TokenRequest request,
        UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["email is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["password is required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary(), detail: "email and password are required.");
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            await audit.SignInAsync(request.Email.Trim(), succeeded: false, "unknown account (API)");
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "Wrong email or password.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut && AccountLockout.IsDisabled(user))
        {
            // Disabled by an admin: not a wait-and-retry lockout (401, said only to someone who knows the password).
            var known = await users.CheckPasswordAsync(user, request.Password);
            await audit.SignInAsync(user.Email!, succeeded: false, "disabled account (API)");
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: known ? AccountLockout.DisabledMessage : "Wrong email or password.");
        }

        if (result.IsLockedOut)
        {
            await audit.SignInAsync(user.Email!, succeeded: false, "locked out (API)");
            return TypedResults.Problem(statusCode: 423, title: "Locked", detail: AccountLockout.LockedMessage);
        }

        if (!result.Succeeded)
        {
            await audit.SignInAsync(user.Email!, succeeded: false, "wrong password (API)");
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "Wrong email or password.");
        }

        await audit.SignInAsync(user.Email!, succeeded: true, "token (API)");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // The bearer-token handler writes {"tokenType":"Bearer","accessToken":...,"expiresIn":3600,"refreshToken":...}.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary><c>POST /signout</c> (the UI's form, antiforgery-checked): ends the cookie session and goes to the sign-in page.</summary>
    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/signin");
    }
}
