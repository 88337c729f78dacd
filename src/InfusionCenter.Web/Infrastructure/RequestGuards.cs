using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>
/// Checks every API request makes before its endpoint runs, and headers every API answer carries: a NUL character in
/// the path or query string is a 400 naming the parameter (PostgreSQL cannot store it and .NET passes it on), and
/// answers that may carry patient data are never cached.
/// </summary>
public static class RequestGuards
{
    public static IApplicationBuilder UseApiRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });

        var errors = new Dictionary<string, string[]>();
        if (context.Request.Path.Value?.Contains('\0') == true)
        {
            errors["path"] = [JsonInput.NulMessage];
        }

        foreach (var (key, values) in context.Request.Query)
        {
            if (key.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
            {
                errors[key.Replace("\0", "", StringComparison.Ordinal)] = [JsonInput.NulMessage];
            }
        }

        if (errors.Count > 0)
        {
            var problem = TypedResults.ValidationProblem(errors, detail: JsonInput.NulMessage, title: "Invalid request");
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
