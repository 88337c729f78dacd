namespace InfusionCenter.Web.Data;

/// <summary>A drug (generic name unique), e.g. ocrelizumab (Ocrevus).</summary>
public sealed class DrugEntity
{
    public int Id { get; set; }

    public required string GenericName { get; set; }

    public string? BrandName { get; set; }
}

/// <summary>
/// A protocol by code; its definitions live in <see cref="ProtocolVersion"/> rows. Editing a protocol
/// adds a version and moves <see cref="CurrentVersion"/>; regimens keep the version they started on.
/// </summary>
public sealed class ProtocolEntity
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int DrugId { get; set; }

    public DrugEntity? Drug { get; set; }

    public int CurrentVersion { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>PostgreSQL xmin: optimistic concurrency for concurrent edits.</summary>
    public uint RowVersion { get; set; }

    public List<ProtocolVersion> Versions { get; set; } = [];
}

/// <summary>One immutable version of a protocol definition (JSON of <c>ProtocolDefinition</c>, jsonb).</summary>
public sealed class ProtocolVersion
{
    public int Id { get; set; }

    public int ProtocolId { get; set; }

    public ProtocolEntity? Protocol { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public required string DefinitionJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}

public enum RegimenStatus
{
    Active,
    Completed,
    Stopped,
}

/// <summary>A patient on one protocol version from a start date, with the options the calendar needs.</summary>
public sealed class Regimen
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public Patient? Patient { get; set; }

    public int ProtocolVersionId { get; set; }

    public ProtocolVersion? ProtocolVersion { get; set; }

    public DateOnly Start { get; set; }

    /// <summary>Inclusive end of the planned calendar (start + 2 years unless chosen).</summary>
    public DateOnly Until { get; set; }

    public decimal PriorCumulativeMgPerM2 { get; set; }

    /// <summary>Course length where the protocol allows a range (methylprednisolone 3–5).</summary>
    public int? Days { get; set; }

    /// <summary>Per-regimen maintenance interval override (natalizumab extended interval dosing).</summary>
    public int? IntervalOverrideValue { get; set; }

    public string? IntervalOverrideUnit { get; set; }

    /// <summary>BSA (m²) used for BSA-dosed amounts, from the height and weight on file at enrolment.</summary>
    public decimal? Bsa { get; set; }

    public RegimenStatus Status { get; set; }

    /// <summary>Why the calendar ends: null, "until" or "cumulative-cap".</summary>
    public string? StopReason { get; set; }

    /// <summary>The clinic-local day a nurse stopped the regimen (null while it runs).</summary>
    public DateOnly? StoppedOn { get; set; }

    public string? StoppedBy { get; set; }

    /// <summary>Why a nurse stopped it, in her words (switching therapy, adverse event, patient choice, completed...).</summary>
    public string? StoppedBecause { get; set; }

    /// <summary>Why a second active regimen on the same drug was accepted (null when it is the only one).</summary>
    public string? DuplicateReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Dose> Doses { get; set; } = [];
}

public enum DoseStatus
{
    Planned,
    Booked,
    Given,
    Missed,
    Cancelled,
}

/// <summary>One planned dose of a regimen's calendar (sequence unique within the regimen).</summary>
public sealed class Dose
{
    public int Id { get; set; }

    public int RegimenId { get; set; }

    public Regimen? Regimen { get; set; }

    public int Sequence { get; set; }

    public DateOnly TargetDate { get; set; }

    public DateOnly Earliest { get; set; }

    public DateOnly Latest { get; set; }

    public decimal Amount { get; set; }

    public required string Unit { get; set; }

    public decimal? AmountPerM2 { get; set; }

    public int ChairMinutes { get; set; }

    public int Course { get; set; }

    public int DayInCourse { get; set; }

    public required string Label { get; set; }

    public DoseStatus Status { get; set; }

    public DateOnly? GivenOn { get; set; }

    /// <summary>Calendar warning about this dose (e.g. minimum spacing), shown next to it.</summary>
    public string? Warning { get; set; }

    /// <summary>
    /// The administration option this dose is (to be) given with (a code of its protocol step's options, e.g. "shorter");
    /// null when the step has none or none is eligible. <see cref="ChairMinutes"/> is that option's chair time.
    /// </summary>
    public string? OptionCode { get; set; }

    /// <summary>Who chose <see cref="OptionCode"/> (null: the clinic's default choice, re-evaluated as history changes).</summary>
    public string? OptionChosenBy { get; set; }

    /// <summary>
    /// Why the dose's booking must be redone (e.g. booked for the shorter infusion, then a severe reaction made it
    /// ineligible): shown until the appointment is given the dose's chair time, moved, or cancelled.
    /// </summary>
    public string? RebookReason { get; set; }
}
