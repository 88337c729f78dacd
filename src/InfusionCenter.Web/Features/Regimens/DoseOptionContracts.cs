using FluentValidation;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>One way of giving a dose, with its chair time and whether this patient may have it (and why, in words).</summary>
public sealed record DoseOptionDto(
    string Code, string Name, int ChairMinutes, int PremedMinutes, int AdministrationMinutes, int ObservationMinutes, bool Eligible, string Reason);

/// <summary>
/// GET /api/doses/{id}/options: the dose's administration options, the one chosen (<paramref name="Chosen"/>, null when
/// the dose has a single way of being given), who chose it (null: the clinic's default), and why its booking must be redone.
/// </summary>
public sealed record DoseOptionsDto(
    int DoseId, int RegimenId, int Sequence, DoseStatus Status, int ChairMinutes, string? Chosen, string? ChosenBy, string? RebookReason,
    IReadOnlyList<DoseOptionDto> Options, bool PrefersShorter);

/// <summary>PUT /api/doses/{id}/option <c>{"option": "standard"}</c>: the way the dose is to be given.</summary>
public sealed record ChooseOptionRequest
{
    public string? Option { get; set; }
}

/// <summary>The "how it's given" dialog's rule (the service says the same for the API).</summary>
public sealed class ChooseOptionRequestValidator : AbstractValidator<ChooseOptionRequest>
{
    public ChooseOptionRequestValidator() => RuleFor(r => r.Option).NotEmpty().WithMessage("Choose how the dose is to be given.");
}

/// <summary>One infusion reaction recorded at a completed visit (GET /api/patients/{id}/reactions).</summary>
/// <param name="Drug">The drug's generic name; <paramref name="Protocol"/> the protocol's name (IV or under the skin).</param>
public sealed record ReactionDto(
    int AppointmentId, DateOnly Date, string Drug, string Protocol, int Sequence, ReactionSeverity Severity, ReactionAction? Action, decimal? AmountGiven)
{
    /// <summary>The protocol's code (for its drug colour).</summary>
    public string? ProtocolCode { get; init; }

    /// <summary>The unit of <see cref="AmountGiven"/> (the dose's unit, e.g. "mg").</summary>
    public string? Unit { get; init; }
}
