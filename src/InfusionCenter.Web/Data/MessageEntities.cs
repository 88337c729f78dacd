namespace InfusionCenter.Web.Data;

/// <summary>How a patient wants to hear from the clinic about appointments.</summary>
public enum ReminderChannel
{
    None,
    Email,
    Sms,
}

public enum OutboxKind
{
    /// <summary>Sent when the appointment is booked.</summary>
    Confirmation,

    /// <summary>Sent a clinic-set number of days before the appointment (21, 3 and 1 by default).</summary>
    Reminder,

    /// <summary>Sent when the appointment's time or place changed.</summary>
    Update,

    /// <summary>Sent when the appointment is cancelled.</summary>
    Cancellation,
}

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Gave up after the last attempt; <see cref="OutboxMessage.LastError"/> says why.</summary>
    Failed,

    /// <summary>No longer to send: the appointment moved or was cancelled before it was due.</summary>
    Superseded,
}

/// <summary>
/// One message to a patient about one appointment (the durable outbox): written in the same transaction as the booking
/// change that causes it, sent at <see cref="DueAt"/> by the background sender, at least once, never by two app instances
/// at once (rows are claimed with FOR UPDATE SKIP LOCKED). Holds no contact details: they are read when sending.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public int AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    public int PatientId { get; set; }

    public OutboxKind Kind { get; set; }

    public ReminderChannel Channel { get; set; }

    /// <summary>For reminders: how many days before the appointment (21, 3, 1); null otherwise.</summary>
    public int? DaysBefore { get; set; }

    /// <summary>The appointment's calendar SEQUENCE when the message was written (its .ics carries it).</summary>
    public int CalendarSequence { get; set; }

    public DateTime DueAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>When the sender last tried (sent or failed); <see cref="DueAt"/> is pushed back after a failure.</summary>
    public DateTime? LastAttemptAt { get; set; }
}

public enum MessageLinkAction
{
    Confirm,
    Cancel,
}

/// <summary>
/// A confirm or cancel link from a patient message that has been used: its id (carried inside the signed link) is the key,
/// so a link works once even when two clicks race.
/// </summary>
public sealed class MessageLinkUse
{
    public Guid LinkId { get; set; }

    public long OutboxMessageId { get; set; }

    public int AppointmentId { get; set; }

    public MessageLinkAction Action { get; set; }

    public DateTime UsedAt { get; set; }
}
