namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// A calendar request the protocol cannot honour (missing BSA, course length out of range, ...).
/// <see cref="DomainValidationException.Errors"/> uses the API's parameter names (bsa, days, until, ...).
/// </summary>
public sealed class CalendarRequestException(IReadOnlyList<ValidationError> errors)
    : DomainValidationException(Describe("Invalid calendar request", errors), errors)
{
    public CalendarRequestException(string field, string message)
        : this([new ValidationError(field, message)])
    {
    }
}
