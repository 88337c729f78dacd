using InfusionCenter.Web.Infrastructure;
using ActionKind = InfusionCenter.Web.Data.ReactionAction;
using SeverityKind = InfusionCenter.Web.Data.ReactionSeverity;

namespace InfusionCenter.Web.Data;

/// <summary>"Now" as the clinic sees it: the UTC instant and the clinic's time zone (so the entity can tell clinic days apart).</summary>
public readonly record struct ClinicMoment(DateTime UtcNow, TimeZoneInfo Zone)
{
    public DateOnly Today => LocalDate(UtcNow);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(Local(utc));
}

/// <summary>What happened at an infusion, as the nurse records it on completion (instants in UTC).</summary>
public sealed record CompletionRecord(
    DateTime? ActualStart = null,
    DateTime? ActualEnd = null,
    string? Lot = null,
    DateOnly? LotExpiry = null,
    ReactionSeverity Severity = ReactionSeverity.None,
    ReactionAction Action = ReactionAction.None,
    decimal? AmountGiven = null);

/// <summary>
/// The appointment's state machine (API.md "Lifecycles"): booked → checked in → in chair → completed, or cancelled, or a
/// no-show. Check-in and in-chair only on the appointment's clinic day; a no-show only after the start; check-in, in-chair
/// and no-show can be undone on the clinic day they were recorded; a completed or cancelled appointment is final.
/// Each refusal is a <see cref="ConflictException"/> naming the state (or a <see cref="RequestValidationException"/> for a
/// bad completion record). The services load, call one of these and save — the rules live here only.
/// </summary>
public sealed partial class Appointment
{
    public bool IsActive => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair;

    public static string Describe(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "checked in",
        AppointmentStatus.InChair => "in the chair",
        AppointmentStatus.NoShow => "a no-show",
        _ => status.ToString().ToLowerInvariant(),
    };

    public void CheckIn(ClinicMoment now)
    {
        Require("checked in", AppointmentStatus.Booked);
        RequireClinicDay(now, "checked in");
        Status = AppointmentStatus.CheckedIn;
        CheckedInAt = now.UtcNow;
    }

    public void StartInfusion(ClinicMoment now)
    {
        Require("put in the chair", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        RequireClinicDay(now, "put in the chair");
        Status = AppointmentStatus.InChair;
        CheckedInAt ??= now.UtcNow;
        InChairAt = now.UtcNow;
    }

    public void MarkNoShow(ClinicMoment now)
    {
        Require("marked a no-show", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        if (now.UtcNow < StartsAt)
        {
            throw new ConflictException(
                $"A no-show can only be recorded after the appointment's start ({now.Local(StartsAt):ddd yyyy-MM-dd HH:mm}); the patient may still come.");
        }

        Status = AppointmentStatus.NoShow;
        NoShowAt = now.UtcNow;
    }

    /// <summary>Reverts the last of check-in, in-chair or no-show, on the clinic day it was recorded. Returns the state undone.</summary>
    public AppointmentStatus Undo(ClinicMoment now)
    {
        var undone = Status;
        var (recordedAt, back) = Status switch
        {
            AppointmentStatus.CheckedIn => (CheckedInAt, AppointmentStatus.Booked),
            AppointmentStatus.InChair => (InChairAt, AppointmentStatus.CheckedIn),
            AppointmentStatus.NoShow => (NoShowAt, CheckedInAt is null ? AppointmentStatus.Booked : AppointmentStatus.CheckedIn),
            _ => throw new ConflictException($"Appointment {Id} is {Describe(Status)}; there is nothing to undo (only a check-in, in-chair or no-show can be undone)."),
        };
        if (recordedAt is not { } at || now.LocalDate(at) != now.Today)
        {
            throw new ConflictException($"Appointment {Id} was marked {Describe(Status)} on an earlier day; it can only be undone on the day it was recorded.");
        }

        switch (undone)
        {
            case AppointmentStatus.CheckedIn:
                CheckedInAt = null;
                break;
            case AppointmentStatus.InChair:
                InChairAt = null;
                break;
            default:
                NoShowAt = null;
                break;
        }

        Status = back;
        return undone;
    }

    /// <summary>
    /// Completes the appointment with what actually happened. Defaults: started when the patient went into the chair (or at the
    /// booked start), ended now on the appointment's day (or at the booked end when charted on a later day).
    /// </summary>
    public void Complete(ClinicMoment now, CompletionRecord record, decimal? doseAmount)
    {
        EnsureCanComplete(now);
        var day = now.LocalDate(StartsAt);

        var start = record.ActualStart ?? InChairAt ?? StartsAt;
        var end = record.ActualEnd ?? (day == now.Today ? now.UtcNow : EndsAt);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (now.LocalDate(start) != day)
        {
            Add("actualStart", $"The actual start must be on the appointment's day ({day:yyyy-MM-dd}).");
        }

        if (end < start || (end == start && (record.ActualStart is not null || record.ActualEnd is not null)))
        {
            Add(record.ActualEnd is null ? "actualStart" : "actualEnd",
                $"The infusion must end after it started ({now.Local(start):HH:mm}); give the actual start and end times.");
        }
        else if (end > now.UtcNow.AddMinutes(5))
        {
            Add("actualEnd", $"The actual end cannot be in the future (it is now {now.Local(now.UtcNow):HH:mm}).");
        }
        else if (end - start > TimeSpan.FromHours(24))
        {
            Add("actualEnd", "An infusion cannot last more than 24 hours; check the times.");
        }

        var lot = string.IsNullOrWhiteSpace(record.Lot) ? null : record.Lot.Trim();
        if (lot is { Length: > 60 })
        {
            Add("lot", "The lot number is at most 60 characters.");
        }
        else if (lot is not null && lot.Any(char.IsControl))
        {
            Add("lot", "The lot number contains characters that cannot be printed.");
        }

        if (record.LotExpiry is { } expiry && expiry < day)
        {
            Add("lotExpiry", $"This lot expired on {expiry:yyyy-MM-dd}, before the infusion day ({day:yyyy-MM-dd}). Check the expiry date.");
        }

        if (record.Action == ActionKind.Stopped)
        {
            if (record.AmountGiven is not { } given || given < 0 || (doseAmount is { } full && given > full))
            {
                Add("reaction.amountGiven", doseAmount is { } full2
                    ? $"A stopped infusion records the amount actually given (0 to {full2:0.##})."
                    : "A stopped infusion records the amount actually given (0 or more).");
            }
        }
        else if (record.AmountGiven is not null)
        {
            Add("reaction.amountGiven", "The amount given is recorded only when the infusion was stopped (the full dose was given otherwise).");
        }

        if (record.Severity == SeverityKind.None && record.Action != ActionKind.None && record.Action != ActionKind.Stopped)
        {
            Add("reaction.severity", "An infusion slowed or paused for a reaction records the reaction's severity.");
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors, errors.First().Value[0]);
        }

        Status = AppointmentStatus.Completed;
        CheckedInAt ??= start;
        InChairAt ??= start;
        CompletedAt = now.UtcNow;
        ActualStart = start;
        ActualEnd = end;
        LotNumber = lot;
        LotExpiry = record.LotExpiry;
        ReactionSeverity = record.Severity;
        ReactionAction = record.Action;
        AmountGiven = record.Action == ActionKind.Stopped ? record.AmountGiven : null;
    }

    /// <summary>Refuses (409) completing an appointment that is not open or whose clinic day is still ahead.</summary>
    public void EnsureCanComplete(ClinicMoment now)
    {
        Require("completed", AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.InChair);
        var day = now.LocalDate(StartsAt);
        if (day > now.Today)
        {
            throw new ConflictException($"Appointment {Id} is on {day:ddd yyyy-MM-dd}; it cannot be completed before its day.");
        }
    }

    /// <summary>Cancels a booked or checked-in appointment (the chair is free again). False when it already was cancelled.</summary>
    public bool Cancel(ClinicMoment now, string reason)
    {
        if (Status == AppointmentStatus.Cancelled)
        {
            return false;
        }

        Require("cancelled", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        Status = AppointmentStatus.Cancelled;
        CancelReason = reason;
        CancelledAt = now.UtcNow;
        return true;
    }

    private void Require(string verb, params AppointmentStatus[] from)
    {
        if (!from.Contains(Status))
        {
            var final = Status is AppointmentStatus.Completed or AppointmentStatus.Cancelled ? " (that is final)" : "";
            throw new ConflictException($"Appointment {Id} is {Describe(Status)}{final}; it cannot be {verb}.");
        }
    }

    private void RequireClinicDay(ClinicMoment now, string verb)
    {
        var day = now.LocalDate(StartsAt);
        if (day != now.Today)
        {
            throw new ConflictException(
                $"Appointment {Id} is on {day:ddd yyyy-MM-dd}; it can only be {verb} on that day (today is {now.Today:ddd yyyy-MM-dd}). Move it if the patient came on another day.");
        }
    }
}
