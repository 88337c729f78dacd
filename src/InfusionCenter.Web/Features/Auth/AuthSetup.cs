using System.Security.Claims;
using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

public static class AuthSetup
{
    /// <summary>Decides per request: an Authorization: Bearer header -> bearer tokens, otherwise the UI's cookie.</summary>
    public const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddInfusionAuth(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddDatabaseDataProtection();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/forbidden";
                options.Cookie.Name = "infusioncenter.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(10); // a shift
                options.SlidingExpiration = true;
                // The API answers 401/403, never a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InfusionDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // A disabled account or a changed role ends the user's sessions at once: the cookie's security stamp is checked
        // on every request (not every 30 minutes), and bearer tokens by UseTokenSecurityStamps.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Nurse, Roles.Coordinator, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Nursing, p => p.RequireRole(Roles.Nurse, Roles.Admin))
            .AddPolicy(Policies.Scheduling, p => p.RequireRole(Roles.Nurse, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Capacity, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            // Anything not marked otherwise needs a signed-in user (anonymous: the sign-in page and /health only).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// Bearer tokens live an hour and carry the security stamp of their sign-in: a token whose account was disabled or
    /// whose role changed since (the admin service renews the stamp) is refused with 401 on its next request.
    /// </summary>
    public static IApplicationBuilder UseTokenSecurityStamps(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (!await TokenStillValidAsync(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "This token is no longer valid (the account was disabled or its role changed). Sign in again.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    /// <summary>The token's stamp against its account: from <see cref="AccountStamps"/> when known, else read (and kept).</summary>
    private static async Task<bool> TokenStillValidAsync(HttpContext context)
    {
        var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var stamps = context.RequestServices.GetRequiredService<AccountStamps>();
        var userId = signIn.UserManager.GetUserId(context.User);
        var stamp = context.User.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        if (userId is not null && stamps.TryCheck(userId, stamp, out var valid))
        {
            return valid;
        }

        var generation = stamps.Generation;
        if (await signIn.ValidateSecurityStampAsync(context.User) is not { } user || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return false;
        }

        stamps.Remember(user, generation);
        return true;
    }

    private static Task Redirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
