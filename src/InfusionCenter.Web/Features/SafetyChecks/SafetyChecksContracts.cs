using InfusionCenter.Domain.Protocols;


namespace InfusionCenter.Web.Features.SafetyChecks;

/// <summary>One pre-infusion check of an appointment: a safety gate of the dose's protocol and whether it is confirmed.</summary>
public sealed record SafetyCheckDto(
    string Code, string Label, string Description, GateTiming Timing, bool Blocking, bool Confirmed,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt, DateOnly? ValidUntil, string? Note);

/// <summary>Optional note with a confirmation (e.g. "LVEF 58 % on 2026-11-20").</summary>
public sealed record ConfirmCheckRequest(string? Note);
