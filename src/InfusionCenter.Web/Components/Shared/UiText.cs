using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Monitoring;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace InfusionCenter.Web.Components.Shared;

/// <summary>
/// The words and colours every screen uses for the same things, kept in one place so that the board, the Today page,
/// the dialogs and the admin screens always agree (no enum names on screen).
/// </summary>
public static class UiText
{
    /// <summary>
    /// One colour per drug, used by the board, the Today page and the capacity charts' legends, with the words a legend
    /// shows for it (protocols not listed here show their own name wherever one is at hand).
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Color, string Label)> DrugColors =
    [
        ("ocrelizumab", "#3f7cc0", "Ocrelizumab"), ("ublituximab", "#7b5ea7", "Ublituximab"), ("natalizumab", "#2e9e8f", "Natalizumab"),
        ("alemtuzumab", "#d2763a", "Alemtuzumab"), ("mitoxantrone", "#c0485b", "Mitoxantrone"), ("methylprednisolone", "#8a9a2c", "Methylprednisolone"),
        // The newer forms in a lighter shade of their drug's colour.
        ("ocrelizumab-sc", "#7fa9da", "Ocrelizumab SC (Zunovo)"), ("natalizumab-sztn", "#6cc2b6", "Natalizumab (Tyruko)"),
    ];

    /// <summary>The legend's words for a protocol code (the code itself for a protocol an admin added).</summary>
    public static string DrugLabel(string? protocol) => DrugColors.FirstOrDefault(c => c.Code == protocol).Label ?? protocol ?? "";

    public static string DrugColor(string? protocol) => DrugColors.FirstOrDefault(c => c.Code == protocol).Color ?? "#6b7a8c";

    public static string StatusLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InChair => "In chair",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string ReactionSeverity(ReactionSeverity severity) => severity switch
    {
        Data.ReactionSeverity.None => "None",
        Data.ReactionSeverity.Mild => "Mild",
        Data.ReactionSeverity.Moderate => "Moderate",
        _ => "Severe",
    };

    public static string ReactionAction(ReactionAction action) => action switch
    {
        Data.ReactionAction.None => "Given as planned",
        Data.ReactionAction.Slowed => "Slowed",
        Data.ReactionAction.Paused => "Paused, then resumed",
        _ => "Stopped early",
    };

    /// <summary>One line for a completion record: actual times, lot and any reaction.</summary>
    public static string Completion(CompletionDto record, string? unit)
    {
        var parts = new List<string>();
        if (record.ActualStart is { } start && record.ActualEnd is { } end)
        {
            parts.Add($"in the chair {start:HH:mm}–{end:HH:mm}");
        }

        if (record.Lot is { } lot)
        {
            parts.Add(record.LotExpiry is { } expiry ? $"lot {lot} (expires {expiry:yyyy-MM-dd})" : $"lot {lot}");
        }

        if (record.Severity is { } severity and not Data.ReactionSeverity.None || record.Action is { } and not Data.ReactionAction.None)
        {
            var reaction = record.Severity is { } s and not Data.ReactionSeverity.None ? $"{ReactionSeverity(s).ToLowerInvariant()} infusion reaction" : "infusion";
            var action = record.Action is { } a and not Data.ReactionAction.None ? $", {ReactionAction(a).ToLowerInvariant()}" : "";
            var amount = record.AmountGiven is { } given ? $" after {given:0.##} {unit}" : "";
            parts.Add(reaction + action + amount);
        }
        else
        {
            parts.Add("no infusion reaction");
        }

        return string.Join(" · ", parts);
    }

    public static ChipTone StatusTone(AppointmentStatus status) => status switch
    {
        AppointmentStatus.InChair => ChipTone.Primary,
        AppointmentStatus.CheckedIn => ChipTone.Info,
        AppointmentStatus.Completed => ChipTone.Success,
        AppointmentStatus.NoShow => ChipTone.Danger,
        _ => ChipTone.Neutral,
    };

    public static string DoseStatusLabel(DoseStatus status) => status switch
    {
        DoseStatus.Planned => "Planned",
        DoseStatus.Booked => "Booked",
        DoseStatus.Given => "Given",
        DoseStatus.Missed => "Missed",
        DoseStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string MonitoringStatusLabel(MonitoringStatus status) => status switch
    {
        MonitoringStatus.Overdue => "Overdue",
        MonitoringStatus.Due => "Due",
        MonitoringStatus.Upcoming => "Upcoming",
        MonitoringStatus.Ended => "Ended",
        _ => status.ToString(),
    };

    public static Color ToneColor(ChipTone tone) => tone switch
    {
        ChipTone.Primary => Color.Primary,
        ChipTone.Info => Color.Info,
        ChipTone.Success => Color.Success,
        ChipTone.Warning => Color.Warning,
        ChipTone.Danger => Color.Error,
        _ => Color.Default,
    };

    /// <summary>A count with its noun in the right number: "1 nurse", "3 nurses", "0 chairs".</summary>
    public static string Count(int count, string singular, string? plural = null) => $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string ChairKindLabel(ChairKind kind) => kind switch
    {
        ChairKind.Recliner => "Recliner",
        ChairKind.Bed => "Bed",
        ChairKind.PrivateRoom => "Private room",
        _ => kind.ToString(),
    };

    /// <summary>Chair time as nurses say it: "45 min", "2 h", "3 h 30".</summary>
    public static string Duration(int minutes) => minutes >= 60 ? $"{minutes / 60} h{(minutes % 60 > 0 ? $" {minutes % 60:00}" : "")}" : $"{minutes} min";

    /// <summary>
    /// An administration option as lists and board blocks show it, beside the chair time that already says how long:
    /// its name without the explanation or the infusion time ("Shorter (about 2 h) — no prior serious infusion reaction"
    /// → "Shorter"); null without an option.
    /// </summary>
    public static string? OptionLabel(string? optionName)
    {
        if (OptionTitle(optionName) is not { } title)
        {
            return null;
        }

        var paren = title.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? title[..paren] : title;
    }

    /// <summary>An option's name without its explanation ("Shorter (about 2 h)"), for headers and tooltips; null without one.</summary>
    public static string? OptionTitle(string? optionName)
    {
        if (string.IsNullOrWhiteSpace(optionName))
        {
            return null;
        }

        var dash = optionName.IndexOf(" — ", StringComparison.Ordinal);
        return (dash > 0 ? optionName[..dash] : optionName).Trim();
    }

    /// <summary>A dose's chair time with the way it is given in front when it has options: "Shorter · 3 h 45", or "3 h 45".</summary>
    public static string ChairTime(int minutes, string? optionName) =>
        OptionLabel(optionName) is { } option ? $"{option} · {Duration(minutes)}" : Duration(minutes);

    /// <summary>
    /// Why a booking must be redone, short enough for a list line: the cause without the booking's and the fix's details
    /// ("Booked for 3 h 45 min as Shorter (about 2 h); not eligible: severe infusion reaction recorded on 2026-11-23
    /// (dose 3). Needs …" → "Severe infusion reaction recorded on 2026-11-23 (dose 3)"); any other wording is cut at a
    /// word. Show the whole reason beside it (a tooltip).
    /// </summary>
    public static string ShortReason(string reason, int max = 90)
    {
        var text = reason.Trim();
        var semicolon = text.IndexOf("; ", StringComparison.Ordinal);
        if (semicolon > 0 && semicolon + 2 < text.Length)
        {
            text = text[(semicolon + 2)..];
        }

        const string notEligible = "not eligible: ";
        if (text.StartsWith(notEligible, StringComparison.OrdinalIgnoreCase))
        {
            text = text[notEligible.Length..];
        }

        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        text = (stop > 0 ? text[..stop] : text).TrimEnd('.');
        if (text.Length == 0)
        {
            text = reason.Trim();
        }

        if (text.Length > max)
        {
            var cut = text.LastIndexOf(' ', max - 1);
            text = (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':') + "…";
        }

        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Enter or Space on a focused row, block or free stretch acts like a click (keyboard users).</summary>
    public static Task OnKeyAsync(KeyboardEventArgs e, Func<Task> action) => e.Key is "Enter" or " " ? action() : Task.CompletedTask;
}

/// <summary>The tone of a status chip: what kind of state it shows, not which colour (the theme decides that).</summary>
public enum ChipTone
{
    Neutral,
    Primary,
    Info,
    Success,
    Warning,
    Danger,
}
