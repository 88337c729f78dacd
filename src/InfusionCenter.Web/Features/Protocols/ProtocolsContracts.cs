using System.Text.Json;
using FluentValidation;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>A protocol in use as <c>GET /api/protocols</c> lists it: its current version, drug and kind of series.</summary>
public sealed record ProtocolSummary(
    string Code, string Name, int Version, string Drug, string? BrandName, bool BsaDosed, bool CourseSeries,
    decimal? CumulativeCapMgPerM2, DateTimeOffset UpdatedAt);

/// <summary>The current (or a given) version of a protocol with its definition.</summary>
public sealed record ProtocolVersionView(int VersionId, string Code, int Version, ProtocolDefinition Definition, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>Query parameters of a calendar preview (API.md: start, until, bsa, priorCumulativeMgPerM2, days).</summary>
public sealed record CalendarQuery(DateOnly? Start, DateOnly? Until, decimal? Bsa, decimal? PriorCumulativeMgPerM2, int? Days, int? IntervalOverrideWeeks = null);

public sealed class CalendarQueryValidator : AbstractValidator<CalendarQuery>
{
    public CalendarQueryValidator()
    {
        RuleFor(q => q.Start).NotNull().WithMessage("The start date is required (YYYY-MM-DD).");
        RuleFor(q => q.Until).GreaterThanOrEqualTo(q => q.Start).When(q => q.Start is not null && q.Until is not null)
            .WithMessage("The end date must be on or after the start date.");
        RuleFor(q => q.Bsa).GreaterThan(0).LessThanOrEqualTo(4).When(q => q.Bsa is not null)
            .WithMessage("The body surface area must be between 0 and 4 m².");
        RuleFor(q => q.PriorCumulativeMgPerM2).GreaterThanOrEqualTo(0).When(q => q.PriorCumulativeMgPerM2 is not null)
            .WithMessage("The prior cumulative dose cannot be negative.");
        RuleFor(q => q.Days).InclusiveBetween(1, 31).When(q => q.Days is not null)
            .WithMessage("The course length must be between 1 and 31 days.");
        RuleFor(q => q.IntervalOverrideWeeks).InclusiveBetween(1, 104).When(q => q.IntervalOverrideWeeks is not null)
            .WithMessage("The interval override must be between 1 and 104 weeks.");
    }
}

/// <summary>The protocol rules of the Domain, as a FluentValidation validator shared by the API and the editor.</summary>
public sealed class ProtocolDefinitionValidator : AbstractValidator<ProtocolDefinition>
{
    public ProtocolDefinitionValidator() =>
        RuleFor(p => p).Custom((protocol, context) =>
        {
            foreach (var error in ProtocolRules.Validate(protocol))
            {
                context.AddFailure(error.Field, error.Message);
            }
        });
}

/// <summary>The editor's live check of a protocol being edited: the problems by field path, or the calendar it gives.</summary>
public sealed record ProtocolCheck(IDictionary<string, string[]> Errors, CalendarResult? Preview);

/// <summary><c>GET</c> and <c>PUT /api/protocols/{code}</c>: the full definition with its version number and who saved it when.</summary>
public sealed record ProtocolResponse(int Version, DateTimeOffset UpdatedAt, string? UpdatedBy, ProtocolDefinition Definition)
{
    /// <summary>The answer for <paramref name="view"/>.</summary>
    public static ProtocolResponse From(ProtocolVersionView view) => new(view.Version, view.CreatedAt, view.CreatedBy, view.Definition);
}

/// <summary>One saved version of a protocol as <c>GET /api/protocols/{code}/versions</c> lists it (newest first).</summary>
public sealed record ProtocolVersionSummary(int Version, string Name, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>
/// <c>GET /api/protocols/{code}/calendar</c>: the label schedule of one series (API.md "Protocols and dosing calendars"),
/// with the protocol version it was computed from.
/// </summary>
public sealed record ProtocolCalendarResponse(
    string Protocol, int Version, string? StopReason, DateOnly Until, decimal? Bsa, decimal? PriorCumulativeMgPerM2,
    decimal? CumulativeMgPerM2, IReadOnlyList<CalendarDoseDto> Doses, IReadOnlyList<CalendarWarningDto> Warnings)
{
    /// <summary>The preview of <paramref name="calendar"/>, computed from <paramref name="protocol"/>.</summary>
    public static ProtocolCalendarResponse From(ProtocolVersionView protocol, CalendarResult calendar) => new(
        protocol.Code, protocol.Version, calendar.StopReason, calendar.Until, calendar.Bsa, calendar.PriorCumulativeMgPerM2,
        calendar.CumulativeMgPerM2,
        [.. calendar.Doses.Select(d => new CalendarDoseDto(d.Sequence, d.Date, d.Earliest, d.Latest, d.Amount, d.Unit, d.AmountPerM2,
            d.ChairMinutes, d.Course, d.DayInCourse, d.Label))],
        [.. calendar.Warnings.Select(w => new CalendarWarningDto(w.Sequence, w.Code, w.Message))]);
}

/// <summary>One dose of a calendar preview: target date, window, amount to give and chair time.</summary>
public sealed record CalendarDoseDto(
    int Sequence, DateOnly Date, DateOnly Earliest, DateOnly Latest, decimal Amount, string Unit, decimal? AmountPerM2,
    int ChairMinutes, int Course, int DayInCourse, string Label);

/// <summary>A warning of a calendar preview, on the dose it concerns.</summary>
public sealed record CalendarWarningDto(int Sequence, string Code, string Message);
