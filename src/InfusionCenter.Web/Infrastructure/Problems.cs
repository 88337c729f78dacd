using Microsoft.AspNetCore.Antiforgery;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using InfusionCenter.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>A request the service refuses: becomes a 400 ProblemDetails with an <c>errors</c> map (or field messages in the UI).</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors, string? detail = null)
    : Exception(detail ?? "One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static RequestValidationException From(IEnumerable<ValidationFailure> failures) => new(failures
        .GroupBy(f => ToCamelPath(f.PropertyName))
        .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));

    public static RequestValidationException From(DomainValidationException exception) => new(exception.ToDictionary(), exception.Message);

    private static string ToCamelPath(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>Something asked for does not exist: 404.</summary>
public sealed class NotFoundException(string detail) : Exception(detail);

/// <summary>The request conflicts with the current state (duplicate MRN, a taken chair): 409.</summary>
public sealed class ConflictException(string detail) : Exception(detail);

public static class Validation
{
    /// <summary>Runs a FluentValidation validator and throws <see cref="RequestValidationException"/> on failure.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(instance, cancellationToken);
        if (!result.IsValid)
        {
            throw RequestValidationException.From(result.Errors);
        }
    }
}

/// <summary>
/// Turns the app's exceptions into RFC 9457 ProblemDetails: 400 (validation, malformed JSON, bad parameters, text or
/// dates the database cannot store), 404, 409 (conflicts and races), 503 with Retry-After while the database is
/// unreachable. Anything else stays a 500 with no internals in the body (and is a bug).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var fault = DatabaseFaults.Classify(exception);
        ProblemDetails? problem = exception switch
        {
            RequestValidationException e => new HttpValidationProblemDetails(e.Errors) { Status = 400, Title = "Invalid request", Detail = e.Message },
            DomainValidationException e => new HttpValidationProblemDetails(e.ToDictionary()) { Status = 400, Title = "Invalid request", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict", Detail = e.Message },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            JsonException json => JsonProblem(json),
            AntiforgeryValidationException or BadHttpRequestException { InnerException: AntiforgeryValidationException } => new ProblemDetails
            {
                Status = 400,
                Title = "Bad request",
                Detail = "The form was sent without its security token (reload the page and try again).",
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request", Detail = e.Message },
            _ when fault is DatabaseFault.Unavailable => new ProblemDetails { Status = 503, Title = "Service unavailable", Detail = DatabaseFaults.Describe(fault) },
            _ when fault is DatabaseFault.Race => new ProblemDetails { Status = 409, Title = "Conflict", Detail = DatabaseFaults.Describe(fault) },
            _ when fault is not DatabaseFault.None => new ProblemDetails { Status = 400, Title = "Invalid request", Detail = DatabaseFaults.Describe(fault) },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path.Value);
            return false;
        }

        if (problem.Status == 503)
        {
            // One short line per failed request during an outage, not a stack trace each.
            logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path.Value, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (fault is DatabaseFault.Race)
        {
            logger.LogInformation("Concurrent change refused on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path.Value);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A body that could not be read: the field (from the JSON path) and what is wrong with it, in words.</summary>
    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = JsonField(json.Path);
        var message = json is JsonInputException ? json.Message : "This value is not in the expected format.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400,
            Title = "Invalid request",
            Detail = field.Length == 0 ? "The request body is not valid JSON." : $"{field}: {message}",
        };
    }

    /// <summary>"$.doses[0].amount" becomes "doses[0].amount"; no path (broken JSON) becomes "" (the whole body).</summary>
    internal static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
