using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Computes the clinical target dates of one series of a protocol (no clinic hours, no chairs).
/// Pure and deterministic: same protocol + request, same calendar. The rules are documented in
/// Protocols/README.md ("Calendar rules").
/// <para>This file: the entry point. The other parts: CalendarEngine.RequestValidation.cs (request field errors),
/// CalendarEngine.Builder.cs (the state of one computation), CalendarEngine.DoseSeries.cs (dose steps and maintenance),
/// CalendarEngine.Courses.cs (course series), CalendarEngine.Checks.cs (minimum spacing and recorded-dose warnings).</para>
/// </summary>
public static partial class CalendarEngine
{
    /// <exception cref="ProtocolDefinitionException">The protocol breaks <see cref="ProtocolRules"/>.</exception>
    /// <exception cref="CalendarRequestException">The request does not fit the protocol (missing BSA, days out of range, ...).</exception>
    public static CalendarResult Compute(ProtocolDefinition protocol, CalendarRequest request)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);

        var protocolErrors = ProtocolRules.Validate(protocol);
        if (protocolErrors.Count > 0)
        {
            throw new ProtocolDefinitionException(protocol.Code, protocolErrors);
        }

        var requestErrors = ValidateRequest(protocol, request);
        if (requestErrors.Count > 0)
        {
            throw new CalendarRequestException(requestErrors);
        }

        var builder = new Builder(protocol, request);
        if (protocol.Courses is { } courses)
        {
            builder.BuildCourses(courses);
        }
        else
        {
            builder.BuildDoseSeries();
        }

        return builder.ToResult();
    }

    private enum SpacingCheck
    {
        None,
        Checked,
        Pushed,
    }

    private readonly record struct PeriodMark(DateOnly Date, bool Given, int Sequence);
}
