using FluentValidation;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// The appointment dialog's move form. Property names match the API's fields so the service's refusals land at the
/// field they concern (<c>start</c>: the day, e.g. "A booking must start today or later"; <c>chairId</c>: the chair).
/// </summary>
public sealed class MoveForm
{
    public int ChairId { get; set; }

    /// <summary>The new day (clinic-local); the time is <see cref="Time"/>.</summary>
    public DateOnly? Start { get; set; }

    public TimeSpan? Time { get; set; }
}

public sealed class MoveFormValidator : AbstractValidator<MoveForm>
{
    public MoveFormValidator()
    {
        RuleFor(f => f.Start).NotNull().WithMessage("Enter the day to move to.");
        RuleFor(f => f.Time).NotNull().WithMessage("Enter the start time.");
    }
}
