using FluentValidation;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Readiness.Dialogs;

/// <summary>
/// The readiness dialogs' forms. Each property has the name of its request's field, so the service's field errors land at
/// the same field; each form's validator runs the request's own validator (the API's rules, the same words) plus what only
/// the form needs in nurse words (a choice not made yet), so the dialog refuses what the API would, before it is sent.
/// </summary>
public abstract class RequestFormValidator<TForm, TRequest> : AbstractValidator<TForm>
{
    /// <param name="ownFields">Fields the form words itself: the request's messages for them (which name API codes) are skipped.</param>
    protected RequestFormValidator(IValidator<TRequest> request, Func<TForm, TRequest> toRequest, params string[] ownFields) =>
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var failure in request.Validate(toRequest(form)).Errors.Where(e => !ownFields.Contains(e.PropertyName)))
            {
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        });
}

public sealed class CoverageForm
{
    public string? Payer { get; set; }
    public string? Plan { get; set; }
    public string? MemberId { get; set; }
    public bool Primary { get; set; } = true;
    public DateOnly? VerifiedOn { get; set; }
    public string? VerifiedBy { get; set; }
    public DateOnly? ReverifyBy { get; set; }

    public static CoverageForm From(CoverageDto? c) => c is null ? new() : new()
    {
        Payer = c.Payer, Plan = c.Plan, MemberId = c.MemberId, Primary = c.Primary, VerifiedOn = c.VerifiedOn, VerifiedBy = c.VerifiedBy, ReverifyBy = c.ReverifyBy,
    };

    public CoverageRequest ToRequest(uint? version = null) => new()
    {
        Payer = Payer, Plan = Plan, MemberId = MemberId, Primary = Primary, VerifiedOn = VerifiedOn, VerifiedBy = VerifiedBy, ReverifyBy = ReverifyBy, Version = version,
    };
}

public sealed class CoverageFormValidator(CoverageRequestValidator request) : RequestFormValidator<CoverageForm, CoverageRequest>(request, f => f.ToRequest());

public sealed class AuthorizationForm
{
    public AuthorizationState? Status { get; set; }
    public string? Number { get; set; }
    public DateOnly? ApprovedFrom { get; set; }
    public DateOnly? ApprovedTo { get; set; }
    public int? ApprovedDoses { get; set; }
    public string? SiteOfCare { get; set; }
    public string? Notes { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }

    public static AuthorizationForm From(AuthorizationDto? a) => a is null ? new() { Status = AuthorizationState.ToRequest } : new()
    {
        Status = a.Status, Number = a.Number, ApprovedFrom = a.ApprovedFrom, ApprovedTo = a.ApprovedTo, ApprovedDoses = a.ApprovedDoses,
        SiteOfCare = a.SiteOfCare, Notes = a.Notes, SubmittedOn = a.SubmittedOn, DecidedOn = a.DecidedOn,
    };

    public AuthorizationRequest ToRequest(uint? version = null) => new()
    {
        Status = Status, Number = Number, ApprovedFrom = ApprovedFrom, ApprovedTo = ApprovedTo, ApprovedDoses = ApprovedDoses,
        SiteOfCare = SiteOfCare, Notes = Notes, SubmittedOn = SubmittedOn, DecidedOn = DecidedOn, Version = version,
    };

    /// <summary>
    /// Whether a field is asked for at the chosen status: approved dates and doses once a payer approved (or for an approval
    /// that expired), the payer's decision once decided, the submission once requested. A field that holds a value is
    /// always shown, so nothing entered is hidden and saved unseen.
    /// </summary>
    public bool Shows(string field) => field switch
    {
        nameof(ApprovedFrom) => Status is AuthorizationState.Approved or AuthorizationState.Expired || ApprovedFrom is not null,
        nameof(ApprovedTo) => Status is AuthorizationState.Approved or AuthorizationState.Expired || ApprovedTo is not null,
        nameof(ApprovedDoses) => Status is AuthorizationState.Approved or AuthorizationState.Expired || ApprovedDoses is not null,
        nameof(SiteOfCare) => Status is not AuthorizationState.NotNeeded || !string.IsNullOrWhiteSpace(SiteOfCare),
        nameof(Number) => Status is not (AuthorizationState.NotNeeded or AuthorizationState.ToRequest) || !string.IsNullOrWhiteSpace(Number),
        nameof(SubmittedOn) => Status is not (AuthorizationState.NotNeeded or AuthorizationState.ToRequest) || SubmittedOn is not null,
        nameof(DecidedOn) => Status is AuthorizationState.Approved or AuthorizationState.Denied or AuthorizationState.Expired || DecidedOn is not null,
        _ => true,
    };

    /// <summary>A field shown only because it holds a value the chosen status does not use.</summary>
    public bool KeptOnly(string field) => field switch
    {
        nameof(ApprovedFrom) or nameof(ApprovedTo) or nameof(ApprovedDoses) => Status is not (AuthorizationState.Approved or AuthorizationState.Expired),
        nameof(SiteOfCare) => Status is AuthorizationState.NotNeeded,
        nameof(Number) or nameof(SubmittedOn) => Status is AuthorizationState.NotNeeded or AuthorizationState.ToRequest,
        nameof(DecidedOn) => Status is not (AuthorizationState.Approved or AuthorizationState.Denied or AuthorizationState.Expired),
        _ => false,
    };
}

public sealed class AuthorizationFormValidator : RequestFormValidator<AuthorizationForm, AuthorizationRequest>
{
    public AuthorizationFormValidator(AuthorizationRequestValidator request)
        : base(request, f => f.ToRequest(), nameof(AuthorizationForm.Status)) =>
        RuleFor(f => f.Status).NotNull().WithMessage("Choose the status.");
}

public sealed class OrderForm
{
    public string? SignedBy { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }

    public static OrderForm From(OrderDto? o) => o is null ? new() : new() { SignedBy = o.SignedBy, SignedOn = o.SignedOn, ValidUntil = o.ValidUntil };

    public OrderRequest ToRequest(uint? version = null) => new() { SignedBy = SignedBy, SignedOn = SignedOn, ValidUntil = ValidUntil, Version = version };

    /// <summary>Orders are usually valid for a year: the suggestion for <see cref="ValidUntil"/>.</summary>
    public static DateOnly? Suggested(DateOnly? signedOn) => signedOn?.AddYears(1);
}

public sealed class OrderFormValidator(OrderRequestValidator request) : RequestFormValidator<OrderForm, OrderRequest>(request, f => f.ToRequest());

public sealed class DrugSupplyForm
{
    public DrugSource? Source { get; set; }
    public DrugSupplyState? Status { get; set; }
    public DateOnly? ExpectedArrival { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    public static DrugSupplyForm From(DrugSupplyDto s) => new() { Source = s.Source, Status = s.Status, ExpectedArrival = s.ExpectedArrival, ReceivedOn = s.ReceivedOn };

    public DrugSupplyRequest ToRequest(uint? version = null) => new() { Source = Source, Status = Status, ExpectedArrival = ExpectedArrival, ReceivedOn = ReceivedOn, Version = version };
}

public sealed class DrugSupplyFormValidator : RequestFormValidator<DrugSupplyForm, DrugSupplyRequest>
{
    public DrugSupplyFormValidator(DrugSupplyRequestValidator request)
        : base(request, f => f.ToRequest(), nameof(DrugSupplyForm.Source), nameof(DrugSupplyForm.Status))
    {
        RuleFor(f => f.Source).NotNull().WithMessage("Choose where the drug comes from.");
        RuleFor(f => f.Status).NotNull().WithMessage("Choose how far the drug is.");
    }
}

/// <summary>Saving from a readiness dialog: a record changed by someone else meanwhile (409) is said in words, and the dialog keeps what was typed.</summary>
public static class ReadinessSave
{
    public static Func<Task> KeepingEntries(Func<Task> save) => async () =>
    {
        try
        {
            await save();
        }
        catch (ConflictException)
        {
            throw new ConflictException(ReadinessText.ChangedMeanwhile);
        }
    };
}
