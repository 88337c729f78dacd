namespace InfusionCenter.Domain.Readiness;

/// <summary>What a readiness check knows of a patient's insurance plan (no identifiers: the payer's name only, for the words).</summary>
/// <param name="Primary">The primary plan (a secondary plan never makes a dose unready on its own).</param>
public sealed record CoverageFact(string Payer, bool Primary, DateOnly? VerifiedOn, DateOnly? ReverifyBy);

/// <summary>The states of a prior authorization, as a payer's answer moves along.</summary>
public enum AuthorizationState
{
    NotNeeded,
    ToRequest,
    Requested,
    Approved,
    Denied,
    Expired,
}

/// <summary>One prior authorization of the regimen.</summary>
/// <param name="ApprovedDoses">The number of doses the payer approved (null: any number within the dates).</param>
/// <param name="DecidedOn">The day the payer answered (approved or denied), when recorded; only <see cref="ReadinessAsOf"/> reads it.</param>
public sealed record AuthorizationFact(
    int Id, AuthorizationState State, string? Number, DateOnly? ApprovedFrom, DateOnly? ApprovedTo, int? ApprovedDoses, DateOnly? SubmittedOn,
    DateOnly? DecidedOn = null)
{
    /// <summary>True when <paramref name="date"/> lies inside the approved dates (both ends included).</summary>
    public bool Covers(DateOnly date) => State == AuthorizationState.Approved && ApprovedFrom <= date && date <= ApprovedTo;
}

/// <summary>One signed prescriber order for the regimen.</summary>
public sealed record OrderFact(DateOnly SignedOn, DateOnly ValidUntil);

/// <summary>How a dose's drug reaches the chair.</summary>
public enum DrugSource
{
    /// <summary>Buy and bill: the clinic's own stock.</summary>
    ClinicStock,

    /// <summary>White bagging: shipped for this patient by a specialty pharmacy.</summary>
    SpecialtyPharmacy,

    /// <summary>The patient brings it.</summary>
    PatientOwn,
}

/// <summary>Where a dose's drug is on its way to the chair, in order.</summary>
public enum DrugSupplyState
{
    ToOrder,
    Ordered,
    Shipped,
    Received,
    Prepared,
}

/// <summary>The drug of the dose checked.</summary>
/// <param name="ReceivedOn">The day it arrived, when received or prepared; only <see cref="ReadinessAsOf"/> reads it.</param>
public sealed record DrugFact(DrugSource Source, DrugSupplyState State, DateOnly? ExpectedArrival, DateOnly? ReceivedOn = null)
{
    public bool Arrived => State is DrugSupplyState.Received or DrugSupplyState.Prepared;
}

/// <summary>
/// Another dose of the same regimen that uses up an authorization's approved doses: given (on <see cref="Date"/>, the day
/// given) or booked (on the day of its appointment).
/// </summary>
public sealed record UsedDose(int DoseId, DateOnly Date);

/// <summary>Everything the readiness of one dose on one day depends on; gathered by the caller, judged by <see cref="Readiness"/>.</summary>
/// <param name="DoseId">The dose checked (it never counts against its own authorization).</param>
/// <param name="Date">The day it is (or would be) given: its appointment's day when booked, else its target date.</param>
/// <param name="Today">The clinic's today.</param>
public sealed record ReadinessFacts(
    int DoseId,
    DateOnly Date,
    DateOnly Today,
    IReadOnlyList<CoverageFact> Coverages,
    IReadOnlyList<AuthorizationFact> Authorizations,
    IReadOnlyList<OrderFact> Orders,
    DrugFact? Drug,
    IReadOnlyList<UsedDose> UsedDoses);
