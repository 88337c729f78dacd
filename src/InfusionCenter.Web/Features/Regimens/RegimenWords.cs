using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>How the patient page words a regimen and its doses (the same words on every screen that shows them).</summary>
public static class RegimenWords
{
    /// <summary>"Given 2026-11-23", "Missed · overdue", "Overdue", "Due", or the status in words.</summary>
    public static string DoseStatusText(DoseDto dose, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return dose.Status switch
        {
            DoseStatus.Given => $"Given {dose.GivenOn:yyyy-MM-dd}",
            DoseStatus.Missed => "Missed · overdue",
            DoseStatus.Planned when dose.Latest < today => "Overdue",
            DoseStatus.Planned when dose.Earliest <= today => "Due",
            _ => UiText.DoseStatusLabel(dose.Status),
        };
    }

    public static ChipTone DoseStatusTone(DoseDto dose, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return dose.Status switch
        {
            DoseStatus.Given => ChipTone.Success,
            DoseStatus.Missed => ChipTone.Danger,
            DoseStatus.Booked => ChipTone.Info,
            DoseStatus.Planned when dose.Latest < today => ChipTone.Danger,
            DoseStatus.Planned when dose.Earliest <= today => ChipTone.Warning,
            _ => ChipTone.Neutral,
        };
    }

    public static string RegimenStatusLabel(RegimenStatus status) => status switch
    {
        RegimenStatus.Active => "Active",
        RegimenStatus.Completed => "Completed",
        RegimenStatus.Stopped => "Stopped",
        _ => status.ToString(),
    };

    public static string StopText(RegimenDto regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        return regimen.StopReason switch
        {
            "cumulative-cap" => "the plan stops at the lifetime cumulative-dose cap",
            "until" => $"planned until {regimen.Until:yyyy-MM-dd}",
            _ => "the protocol's planned doses end here",
        };
    }

    /// <summary>"BSA now 1.85 m² (was 1.66 m², +11 %): 10 doses still to give are at the old amount."</summary>
    public static string BsaChangeText(BsaChangeDto change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var doses = change.Doses.Count == 1 ? "1 dose still to give is" : $"{change.Doses.Count} doses still to give are";
        return $"BSA now {change.CurrentBsa:0.00} m² (was {change.EnrolledBsa:0.00} m², {SignedPercent(change.ChangePercent)}): {doses} at the old amount.";
    }

    /// <summary>"+11 %", "−10 %" (whole per cent, a real minus sign).</summary>
    public static string SignedPercent(decimal percent) =>
        $"{(percent < 0 ? "−" : "+")}{Math.Abs(decimal.Round(percent, 0, MidpointRounding.AwayFromZero)):0} %";

    /// <summary>Whether a nurse may record this dose as given today (planned, booked or missed).</summary>
    public static bool CanRecordGiven(DoseDto dose) => dose.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed;

    /// <summary>Whether a nurse may mark this dose missed today: planned or booked, and its window has opened.</summary>
    public static bool CanMarkMissed(DoseDto dose, DateOnly today) => dose.Status is DoseStatus.Planned or DoseStatus.Booked && dose.Earliest <= today;
}
