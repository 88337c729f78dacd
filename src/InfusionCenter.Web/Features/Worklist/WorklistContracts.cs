using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;

namespace InfusionCenter.Web.Features.Worklist;

/// <param name="ChairMinutes">The chair time of the way the dose is to be given (its option's, when it has one).</param>
/// <param name="BsaChange">The patient's BSA moved by more than the clinic's share since this dose's amount was calculated: re-dose it (patient page).</param>
/// <param name="Option">The administration option the dose is to be given with (e.g. "shorter"); null when it has one way of being given.</param>
/// <param name="OptionName">That option's name from the regimen's protocol version ("Shorter (about 2 h) — no prior serious infusion reaction").</param>
public sealed record DueDose(
    int DoseId, int PatientId, string PatientName, string Mrn, string Protocol, string ProtocolName, int Sequence, string Label,
    DateOnly Target, DateOnly Earliest, DateOnly Latest, decimal Amount, string Unit, int ChairMinutes, int CourseDays,
    bool Overdue, DoseStatus Status, IReadOnlyList<string> Flags, string? Preferences = null, BsaChangeDto? BsaChange = null,
    string? Option = null, string? OptionName = null);

/// <summary>Why no slot fits a dose's window; null when there are slots.</summary>
public sealed record SlotReasonDto(string? Reason);

public sealed record SlotDto(int ChairId, string ChairName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SlotDayDto> Days);

public sealed record SlotDayDto(int ChairId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A due dose that fits a free stretch of a chair, with the slot it would take.</summary>
public sealed record GapFit(DueDose Dose, SlotDto Slot);
