using FluentValidation;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>One thing missing before a dose can be given (API.md "Readiness").</summary>
public sealed record MissingDto(string Code, string Detail, bool Blocking)
{
    public static MissingDto From(MissingItem item) => new(item.Code, item.Detail, item.Blocking);
}

/// <summary>
/// <c>GET /api/doses/{id}/readiness</c>: <see cref="Ready"/> when nothing is missing; <see cref="Bookable"/> when nothing
/// missing blocks a booking (the rest are warnings). <see cref="Date"/>: the day checked (the appointment's, else the target).
/// </summary>
public sealed record ReadinessDto(bool Ready, IReadOnlyList<MissingDto> Missing, int DoseId, DateOnly Date, bool Bookable);

/// <summary>A regimen on the intake worklist: its next dose to give is not ready.</summary>
public sealed record IntakeItemDto(
    int RegimenId, int PatientId, string PatientName, string Mrn, string Protocol, int DoseId, int Sequence, DateOnly Date, bool Bookable,
    IReadOnlyList<MissingDto> Missing)
{
    /// <summary>The protocol's name as the clinic knows it (e.g. "Ocrelizumab 600 mg every 24 weeks").</summary>
    public string? ProtocolName { get; init; }

    /// <summary>Whether the dose already has an appointment (then the intake is late: the chair is booked, readiness is not).</summary>
    public bool Booked { get; init; }
}

/// <summary>An appointment of the day-before check with the readiness of its dose on that day.</summary>
public sealed record DayCheckItemDto(
    int AppointmentId, int DoseId, int RegimenId, int PatientId, string PatientName, string Mrn, string ChairName, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, string? Protocol, string? ProtocolName, string DoseLabel, decimal Amount, string Unit, bool Ready, bool Bookable,
    IReadOnlyList<MissingDto> Missing);

/// <summary>
/// <c>GET /api/readiness/day?date=</c>: of the <see cref="Appointments"/> giving a dose that day, those <see cref="NotReady"/>
/// (blocking items first in each list as the rules say).
/// </summary>
public sealed record DayCheckDto(DateOnly Date, int Appointments, IReadOnlyList<DayCheckItemDto> NotReady);

/// <summary>
/// An approved authorization ending within the window (<c>reason</c> "ending") or whose approved doses run out with the doses
/// due within it ("doses-running-out").
/// </summary>
public sealed record ExpiringAuthorizationDto(
    int Id, int RegimenId, int PatientId, string PatientName, string Protocol, string? Number, DateOnly ApprovedFrom, DateOnly ApprovedTo,
    int? ApprovedDoses, int? DosesLeft, string Reason)
{
    /// <summary>The regimen's protocol as the clinic names it.</summary>
    public string? ProtocolName { get; init; }
}

/// <summary>A plan whose benefits must be verified again by <see cref="ReverifyBy"/> (within the window, or overdue).</summary>
public sealed record ReverifyDueDto(int Id, int PatientId, string PatientName, string Payer, bool Primary, DateOnly? VerifiedOn, DateOnly ReverifyBy);

/// <summary><c>GET /api/readiness/expiring?days=45</c>: what runs out from today to <see cref="Until"/> (inclusive).</summary>
public sealed record ExpiringDto(int Days, DateOnly Until, IReadOnlyList<ExpiringAuthorizationDto> Authorizations, IReadOnlyList<ReverifyDueDto> Coverages);

/// <summary>One readiness rule: blocking or a warning (<see cref="DefaultBlocking"/>: what it is when the clinic has not chosen).</summary>
public sealed record ReadinessRuleDto(string Code, bool Blocking, bool DefaultBlocking);

/// <summary>The clinic's readiness rules (<c>GET/PUT /api/readiness/rules</c>).</summary>
public sealed record ReadinessRulesDto(bool OrderRequired, IReadOnlyList<ReadinessRuleDto> Rules)
{
    /// <summary>The day of the year benefits are re-verified by, by default (1 and 1: 1 January after verification).</summary>
    public int ReverifyMonth { get; init; } = 1;

    /// <inheritdoc cref="ReverifyMonth"/>
    public int ReverifyDay { get; init; } = 1;
}

public sealed record ReadinessRuleRequest
{
    public string? Code { get; set; }
    public bool? Blocking { get; set; }
}

/// <summary><c>PUT /api/readiness/rules</c>: the codes listed change; <c>orderRequired</c> when given.</summary>
public sealed record ReadinessRulesRequest
{
    public bool? OrderRequired { get; set; }
    public List<ReadinessRuleRequest>? Rules { get; set; }

    /// <summary>With <see cref="ReverifyDay"/>: the day of the year plans are re-verified by, by default (both or neither).</summary>
    public int? ReverifyMonth { get; set; }

    public int? ReverifyDay { get; set; }
}

public sealed class ReadinessRulesRequestValidator : AbstractValidator<ReadinessRulesRequest>
{
    public ReadinessRulesRequestValidator()
    {
        RuleFor(r => r.Rules).Must(r => r is null || r.Count <= 50).WithMessage("List each rule once.");
        RuleFor(r => r.ReverifyMonth).NotNull().When(r => r.ReverifyDay is not null).WithMessage("Give the month with the day benefits are re-verified by.");
        RuleFor(r => r.ReverifyDay).NotNull().When(r => r.ReverifyMonth is not null).WithMessage("Give the day with the month benefits are re-verified by.");
        RuleFor(r => r.ReverifyMonth).InclusiveBetween(1, 12).When(r => r.ReverifyMonth is not null).WithMessage("The month is 1 (January) to 12 (December).");
        RuleFor(r => r.ReverifyDay).Must((r, day) => Domain.Readiness.Readiness.IsDayOfYear(r.ReverifyMonth!.Value, day!.Value))
            .When(r => r.ReverifyDay is not null && r.ReverifyMonth is >= 1 and <= 12).WithMessage("That month does not have this day.");
        RuleForEach(r => r.Rules).ChildRules(rule =>
        {
            rule.RuleFor(x => x.Code).Must(c => c is not null && ReadinessCodes.DefaultBlocking.ContainsKey(c))
                .WithMessage($"Choose one of the readiness codes: {string.Join(", ", ReadinessCodes.All)}.");
            rule.RuleFor(x => x.Blocking).NotNull().WithMessage("Say whether the rule blocks a booking (true) or only warns (false).");
        });
    }
}

/// <summary>A patient's insurance plan as the API shows it.</summary>
public sealed record CoverageDto(
    int Id, int PatientId, string Payer, string? Plan, string MemberId, bool Primary, DateOnly? VerifiedOn, string? VerifiedBy, DateOnly? ReverifyBy, uint Version)
{
    public static CoverageDto From(Coverage c) => new(c.Id, c.PatientId, c.Payer, c.Plan, c.MemberId, c.Primary, c.VerifiedOn, c.VerifiedBy, c.ReverifyBy, c.RowVersion);
}

/// <summary>
/// <c>POST /api/patients/{id}/coverage</c> and <c>PUT /api/coverage/{id}</c> (every field replaced). <c>reverifyBy</c> defaults
/// to 1 January of the year after <c>verifiedOn</c>; <c>verifiedBy</c> to the signed-in user. <c>version</c> (from a read) makes
/// a change made meanwhile by someone else a 409.
/// </summary>
public sealed record CoverageRequest
{
    public string? Payer { get; set; }
    public string? Plan { get; set; }
    public string? MemberId { get; set; }
    public bool? Primary { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public string? VerifiedBy { get; set; }
    public DateOnly? ReverifyBy { get; set; }
    public uint? Version { get; set; }
}

public sealed class CoverageRequestValidator : AbstractValidator<CoverageRequest>
{
    public CoverageRequestValidator()
    {
        RuleFor(r => r.Payer).NotEmpty().WithMessage("Enter the payer (insurer).")
            .MaximumLength(Coverage.MaxTextLength).WithMessage($"The payer is at most {Coverage.MaxTextLength} characters.");
        RuleFor(r => r.Plan).MaximumLength(Coverage.MaxTextLength).WithMessage($"The plan is at most {Coverage.MaxTextLength} characters.");
        RuleFor(r => r.MemberId).NotEmpty().WithMessage("Enter the member id from the insurance card.")
            .MaximumLength(Coverage.MaxMemberIdLength).WithMessage($"The member id is at most {Coverage.MaxMemberIdLength} characters.");
        RuleFor(r => r.VerifiedBy).MaximumLength(Coverage.MaxTextLength).WithMessage($"The name is at most {Coverage.MaxTextLength} characters.");
        RuleFor(r => r.ReverifyBy).GreaterThan(r => r.VerifiedOn).When(r => r.VerifiedOn is not null && r.ReverifyBy is not null)
            .WithMessage("Re-verify by a day after benefits were verified.");
        RuleFor(r => r.VerifiedBy).Empty().When(r => r.VerifiedOn is null).WithMessage("Give the day benefits were verified as well.");
    }
}

/// <summary>A prior authorization as the API shows it; <see cref="DosesUsed"/>: given or booked inside its dates.</summary>
public sealed record AuthorizationDto(
    int Id, int RegimenId, AuthorizationState Status, string? Number, DateOnly? ApprovedFrom, DateOnly? ApprovedTo, int? ApprovedDoses,
    int DosesUsed, string? SiteOfCare, string? Notes, DateOnly? SubmittedOn, DateOnly? DecidedOn, uint Version);

/// <summary><c>POST /api/regimens/{id}/authorizations</c> and <c>PUT /api/authorizations/{id}</c> (every field replaced).</summary>
public sealed record AuthorizationRequest
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
    public uint? Version { get; set; }
}

public sealed class AuthorizationRequestValidator : AbstractValidator<AuthorizationRequest>
{
    public AuthorizationRequestValidator()
    {
        RuleFor(r => r.Status).NotNull().WithMessage("Choose the status: notNeeded, toRequest, requested, approved, denied or expired.");
        RuleFor(r => r.ApprovedFrom).NotNull().When(r => r.Status == AuthorizationState.Approved).WithMessage("Enter the first day the approval covers.");
        RuleFor(r => r.ApprovedTo).NotNull().When(r => r.Status == AuthorizationState.Approved).WithMessage("Enter the last day the approval covers.");
        RuleFor(r => r.ApprovedTo).GreaterThanOrEqualTo(r => r.ApprovedFrom).When(r => r.ApprovedFrom is not null && r.ApprovedTo is not null)
            .WithMessage("The approval cannot end before it starts.");
        RuleFor(r => r.ApprovedDoses).InclusiveBetween(1, 500).When(r => r.ApprovedDoses is not null)
            .WithMessage("The approved number of doses is at least 1 (leave it empty when the approval does not count doses).");
        RuleFor(r => r.DecidedOn).GreaterThanOrEqualTo(r => r.SubmittedOn).When(r => r.SubmittedOn is not null && r.DecidedOn is not null)
            .WithMessage("The payer cannot decide before the request was submitted.");
        RuleFor(r => r.Number).MaximumLength(PriorAuthorization.MaxNumberLength).WithMessage($"The number is at most {PriorAuthorization.MaxNumberLength} characters.");
        RuleFor(r => r.SiteOfCare).MaximumLength(PriorAuthorization.MaxTextLength).WithMessage($"The site of care is at most {PriorAuthorization.MaxTextLength} characters.");
        RuleFor(r => r.Notes).MaximumLength(PriorAuthorization.MaxNotesLength).WithMessage($"Notes are at most {PriorAuthorization.MaxNotesLength} characters.");
    }
}

/// <summary>A signed prescriber order as the API shows it.</summary>
public sealed record OrderDto(int Id, int RegimenId, string SignedBy, DateOnly SignedOn, DateOnly ValidUntil, uint Version)
{
    public static OrderDto From(TreatmentOrder o) => new(o.Id, o.RegimenId, o.SignedBy, o.SignedOn, o.ValidUntil, o.RowVersion);
}

/// <summary><c>POST /api/regimens/{id}/orders</c> and <c>PUT /api/orders/{id}</c>.</summary>
public sealed record OrderRequest
{
    public string? SignedBy { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public uint? Version { get; set; }
}

public sealed class OrderRequestValidator : AbstractValidator<OrderRequest>
{
    public OrderRequestValidator()
    {
        RuleFor(r => r.SignedBy).NotEmpty().WithMessage("Enter the prescriber who signed the order.")
            .MaximumLength(TreatmentOrder.MaxNameLength).WithMessage($"The name is at most {TreatmentOrder.MaxNameLength} characters.");
        RuleFor(r => r.SignedOn).NotNull().WithMessage("Enter the day the order was signed.");
        RuleFor(r => r.ValidUntil).NotNull().WithMessage("Enter the last day the order is valid.");
        RuleFor(r => r.ValidUntil).GreaterThanOrEqualTo(r => r.SignedOn).When(r => r.SignedOn is not null && r.ValidUntil is not null)
            .WithMessage("The order cannot end before it was signed.");
    }
}

/// <summary>A dose's drug supply (<see cref="Source"/> and <see cref="Status"/> null while nothing is recorded).</summary>
public sealed record DrugSupplyDto(int DoseId, DrugSource? Source, DrugSupplyState? Status, DateOnly? ExpectedArrival, DateOnly? ReceivedOn, uint? Version);

/// <summary><c>PUT /api/doses/{id}/drug</c>: <c>receivedOn</c> defaults to today when the status is received or prepared.</summary>
public sealed record DrugSupplyRequest
{
    public DrugSource? Source { get; set; }
    public DrugSupplyState? Status { get; set; }
    public DateOnly? ExpectedArrival { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public uint? Version { get; set; }
}

public sealed class DrugSupplyRequestValidator : AbstractValidator<DrugSupplyRequest>
{
    public DrugSupplyRequestValidator()
    {
        RuleFor(r => r.Source).NotNull().WithMessage("Choose where the drug comes from: clinicStock, specialtyPharmacy or patientOwn.");
        RuleFor(r => r.Status).NotNull().WithMessage("Choose the status: toOrder, ordered, shipped, received or prepared.");
        RuleFor(r => r.ReceivedOn).Null().When(r => r.Status is not (DrugSupplyState.Received or DrugSupplyState.Prepared))
            .WithMessage("A received date goes with the status received or prepared.");
    }
}
