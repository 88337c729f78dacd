using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Components.Shared;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>
/// The words nurses and coordinators read for readiness, in one place for every screen: authorization, drug source and
/// drug status labels, a short label per readiness code, and the tones they show in. No enum identifiers or codes on screen.
/// </summary>
public static class ReadinessText
{
    public static IReadOnlyList<AuthorizationState> AuthorizationStates { get; } = Enum.GetValues<AuthorizationState>();

    public static IReadOnlyList<DrugSource> DrugSources { get; } = Enum.GetValues<DrugSource>();

    public static IReadOnlyList<DrugSupplyState> DrugStates { get; } = Enum.GetValues<DrugSupplyState>();

    public static string Authorization(AuthorizationState state) => state switch
    {
        AuthorizationState.NotNeeded => "Not needed",
        AuthorizationState.ToRequest => "To request",
        AuthorizationState.Requested => "Requested",
        AuthorizationState.Approved => "Approved",
        AuthorizationState.Denied => "Denied",
        _ => "Expired",
    };

    public static ChipTone AuthorizationTone(AuthorizationState state) => state switch
    {
        AuthorizationState.Approved => ChipTone.Success,
        AuthorizationState.NotNeeded => ChipTone.Neutral,
        AuthorizationState.ToRequest or AuthorizationState.Requested => ChipTone.Warning,
        _ => ChipTone.Danger,
    };

    public static string Source(DrugSource source) => source switch
    {
        DrugSource.ClinicStock => "Clinic stock (buy and bill)",
        DrugSource.SpecialtyPharmacy => "Specialty pharmacy (white bag)",
        _ => "Patient's own",
    };

    /// <summary>The source in a few words, for a table cell.</summary>
    public static string SourceShort(DrugSource source) => source switch
    {
        DrugSource.ClinicStock => "clinic stock",
        DrugSource.SpecialtyPharmacy => "specialty pharmacy",
        _ => "patient's own",
    };

    public static string DrugState(DrugSupplyState state) => state switch
    {
        DrugSupplyState.ToOrder => "To order",
        DrugSupplyState.Ordered => "Ordered",
        DrugSupplyState.Shipped => "Shipped",
        DrugSupplyState.Received => "Received",
        _ => "Prepared",
    };

    public static bool Arrived(DrugSupplyState? state) => state is DrugSupplyState.Received or DrugSupplyState.Prepared;

    /// <summary>A dose's drug in one line: "Drug shipped, expected 2026-11-28 · specialty pharmacy", "Drug received 2026-11-20 · clinic stock".</summary>
    public static string Drug(DrugSupplyDto? supply)
    {
        if (supply is not { Source: { } source, Status: { } status })
        {
            return "Drug not recorded";
        }

        var when = Arrived(status)
            ? supply.ReceivedOn is { } on ? $" {on:yyyy-MM-dd}" : ""
            : supply.ExpectedArrival is { } expected ? $", expected {expected:yyyy-MM-dd}" : "";
        return $"Drug {DrugState(status).ToLowerInvariant()}{when} · {SourceShort(source)}";
    }

    /// <summary>A short label for each readiness code (the detail text says the rest).</summary>
    public static string Label(string code) => code switch
    {
        ReadinessCodes.CoverageMissing => "No insurance on file",
        ReadinessCodes.CoverageUnverified => "Benefits not verified",
        ReadinessCodes.ReverifyDue => "Re-verify benefits",
        ReadinessCodes.AuthorizationMissing => "No authorization",
        ReadinessCodes.AuthorizationDenied => "Authorization denied",
        ReadinessCodes.AuthorizationExpired => "Authorization expired",
        ReadinessCodes.AuthorizationNotCoveringDate => "Date not authorized",
        ReadinessCodes.AuthorizationNoDosesLeft => "No approved doses left",
        ReadinessCodes.OrderMissing => "No signed order",
        ReadinessCodes.OrderExpired => "Order expired",
        ReadinessCodes.DrugNotReceived => "Drug not received",
        _ => "Not ready",
    };

    /// <summary>Blocking items in red, warnings in amber.</summary>
    public static ChipTone Tone(MissingDto item) => item.Blocking ? ChipTone.Danger : ChipTone.Warning;

    /// <summary>What a dialog shows when someone else saved the same record after it was opened (a 409): nothing typed is lost.</summary>
    public const string ChangedMeanwhile =
        "Someone else changed this record after you opened it. Nothing was saved and your entries are still here: " +
        "note them, cancel, and open the record again to see the change.";
}
