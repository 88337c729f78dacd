using InfusionCenter.Domain.Readiness;

namespace InfusionCenter.Web.Data;

/// <summary>
/// A patient's insurance plan. Payer, plan and member id identify the patient's insurance: never log them (log ids).
/// </summary>
public sealed class Coverage
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public Patient? Patient { get; set; }

    public required string Payer { get; set; }

    public string? Plan { get; set; }

    public required string MemberId { get; set; }

    /// <summary>True for the primary plan, false for a secondary one.</summary>
    public bool Primary { get; set; } = true;

    /// <summary>The day benefits were last verified with the payer (null: not yet).</summary>
    public DateOnly? VerifiedOn { get; set; }

    public string? VerifiedBy { get; set; }

    /// <summary>Benefits must be verified again by this day (default 1 January of the year after verification).</summary>
    public DateOnly? ReverifyBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency for concurrent edits.</summary>
    public uint RowVersion { get; set; }

    public const int MaxTextLength = 200;
    public const int MaxMemberIdLength = 60;
}

/// <summary>A payer's prior authorization for a regimen: its state, number, approved dates and dose count, site of care.</summary>
public sealed class PriorAuthorization
{
    public int Id { get; set; }

    public int RegimenId { get; set; }

    public Regimen? Regimen { get; set; }

    public AuthorizationState Status { get; set; }

    /// <summary>The payer's authorization number (an insurance identifier: never log it).</summary>
    public string? Number { get; set; }

    public DateOnly? ApprovedFrom { get; set; }

    public DateOnly? ApprovedTo { get; set; }

    /// <summary>The number of doses approved (null: any number within the dates).</summary>
    public int? ApprovedDoses { get; set; }

    public string? SiteOfCare { get; set; }

    public string? Notes { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency for concurrent edits.</summary>
    public uint RowVersion { get; set; }

    public const int MaxNumberLength = 60;
    public const int MaxTextLength = 200;
    public const int MaxNotesLength = 1000;
}

/// <summary>A signed prescriber order for a regimen, valid from the day signed to <see cref="ValidUntil"/>.</summary>
public sealed class TreatmentOrder
{
    public int Id { get; set; }

    public int RegimenId { get; set; }

    public Regimen? Regimen { get; set; }

    /// <summary>The prescriber's name as signed.</summary>
    public required string SignedBy { get; set; }

    public DateOnly SignedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency for concurrent edits.</summary>
    public uint RowVersion { get; set; }

    public const int MaxNameLength = 200;
}

/// <summary>Where one dose's drug comes from and how far it is on its way (one row per dose at most).</summary>
public sealed class DrugSupply
{
    public int Id { get; set; }

    public int DoseId { get; set; }

    public Dose? Dose { get; set; }

    public DrugSource Source { get; set; }

    public DrugSupplyState Status { get; set; }

    public DateOnly? ExpectedArrival { get; set; }

    /// <summary>The day it arrived (set once received or prepared).</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency for concurrent edits.</summary>
    public uint RowVersion { get; set; }
}

/// <summary>A clinic's choice for one readiness code: blocking (a booking is refused) or a warning. Codes without a row keep their default.</summary>
public sealed class ReadinessRule
{
    /// <summary>A <see cref="ReadinessCodes"/> code.</summary>
    public required string Code { get; set; }

    public bool Blocking { get; set; }
}
