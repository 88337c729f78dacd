using System.Text.Json;
using FluentValidation;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Web.Features.Protocols;

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

public sealed record ProtocolResponse(int Version, DateTimeOffset UpdatedAt, string? UpdatedBy, ProtocolDefinition Definition);
