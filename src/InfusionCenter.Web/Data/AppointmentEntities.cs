namespace InfusionCenter.Web.Data;

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    InChair,
    Completed,
    Cancelled,
    NoShow,
}

public enum ReactionSeverity
{
    None,
    Mild,
    Moderate,
    Severe,
}

public enum ReactionAction
{
    None,
    Slowed,
    Paused,
    Stopped,
}

/// <summary>
/// A patient in a chair from <see cref="StartsAt"/> to <see cref="EndsAt"/> (UTC instants, half-open).
/// PostgreSQL exclusion constraints forbid two active appointments overlapping on one chair or for
/// one patient (cancelled and no-show appointments free their time).
/// </summary>
public sealed partial class Appointment
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public Patient? Patient { get; set; }

    public int? DoseId { get; set; }

    public Dose? Dose { get; set; }

    public int ChairId { get; set; }

    public Chair? Chair { get; set; }

    /// <summary>
    /// Protocol code of the booked dose (null for a visit without a dose). Copied at booking — a dose never
    /// changes protocol — so capacity reports group by drug without joining through doses and regimens.
    /// </summary>
    public string? ProtocolCode { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public AppointmentStatus Status { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>Days of one consecutive-day course share this id (booked, moved and cancelled together).</summary>
    public Guid? CourseGroup { get; set; }

    public string? BookedBy { get; set; }

    public DateTime BookedAt { get; set; }

    public DateTime? CheckedInAt { get; set; }

    public DateTime? InChairAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Why this dose was booked outside its window (the prescriber's agreement), and who booked it so; null inside it.</summary>
    public string? WindowOverrideReason { get; set; }

    public string? WindowOverrideBy { get; set; }

    /// <summary>When the no-show was recorded (an undo is allowed on that clinic day).</summary>
    public DateTime? NoShowAt { get; set; }

    /// <summary>What actually happened, recorded at completion (UTC): the capacity dashboard's durations and overruns.</summary>
    public DateTime? ActualStart { get; set; }

    public DateTime? ActualEnd { get; set; }

    /// <summary>The drug's lot number and expiry, recorded at completion.</summary>
    public string? LotNumber { get; set; }

    public DateOnly? LotExpiry { get; set; }

    /// <summary>Infusion reaction recorded at completion (null before completion).</summary>
    public ReactionSeverity? ReactionSeverity { get; set; }

    public ReactionAction? ReactionAction { get; set; }

    /// <summary>The amount actually given when the infusion was stopped early (in the dose's unit).</summary>
    public decimal? AmountGiven { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// The iCalendar SEQUENCE of this appointment's event: 0 when booked, one more on every change of its time or chair and
    /// on its cancellation (set by <c>OutboxInterceptor</c> at save), so a calendar that got an earlier version takes the update.
    /// </summary>
    public int CalendarSequence { get; set; }

    /// <summary>When the patient confirmed this appointment by the link in a message (null: not confirmed); a move clears it.</summary>
    public DateTime? PatientConfirmedAt { get; set; }

    /// <summary>The patient cancelled it by the link in a message (not a nurse).</summary>
    public bool CancelledByPatient { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>
/// A nurse's confirmation of one of a protocol's safety gates for a patient. At an infusion (<see cref="AppointmentId"/> set):
/// a per-dose gate (e.g. "touch-authorization") is confirmed for that appointment; a periodic gate (e.g. anti-JCV antibody
/// every 6 months) holds from <see cref="ConfirmedOn"/> for the gate's interval, for later infusions too. Without an
/// appointment: an after-treatment monitoring gate done (e.g. alemtuzumab REMS monthly labs drawn on <see cref="ConfirmedOn"/>).
/// </summary>
public sealed class SafetyCheck
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public int? AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    /// <summary>The gate's code in the protocol definition.</summary>
    public required string GateCode { get; set; }

    /// <summary>Clinic-local day of the confirmation (a periodic gate's validity counts from it).</summary>
    public DateOnly ConfirmedOn { get; set; }

    public DateTime ConfirmedAt { get; set; }

    public required string ConfirmedBy { get; set; }

    public string? Note { get; set; }
}
