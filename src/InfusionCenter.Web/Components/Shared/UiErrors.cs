using InfusionCenter.Domain;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Components.Shared;

/// <summary>Which exceptions are refusals a user should read (and in which words); anything else is a bug and is rethrown.</summary>
public static class UiErrors
{
    /// <summary>The words to show for a refused action, or null when <paramref name="exception"/> is not a refusal.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        RequestValidationException v => v.Errors.Count == 0
            ? v.Message
            : string.Join(" ", v.Errors.Values.SelectMany(m => m).Distinct()),
        ConflictException or NotFoundException => exception.Message,
        DomainValidationException d => d.Message,
        _ => DatabaseFaults.Describe(DatabaseFaults.Classify(exception)),
    };
}
