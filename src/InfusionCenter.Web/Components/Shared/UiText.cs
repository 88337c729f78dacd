using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.Components.Web;

namespace InfusionCenter.Web.Components.Shared;

/// <summary>
/// The words and colours every screen uses for the same things, kept in one place so that the board, the Today page,
/// the dialogs and the admin screens always agree (no enum names on screen).
/// </summary>
public static class UiText
{
    /// <summary>One colour per drug, used by the board, the Today page and the capacity charts' legends.</summary>
    public static readonly IReadOnlyList<(string Code, string Color)> DrugColors =
    [
        ("ocrelizumab", "#3f7cc0"), ("ublituximab", "#7b5ea7"), ("natalizumab", "#2e9e8f"),
        ("alemtuzumab", "#d2763a"), ("mitoxantrone", "#c0485b"), ("methylprednisolone", "#8a9a2c"),
    ];

    public static string DrugColor(string? protocol) => DrugColors.FirstOrDefault(c => c.Code == protocol).Color ?? "#6b7a8c";

    public static string StatusLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InChair => "In chair",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string ChairKindLabel(ChairKind kind) => kind switch
    {
        ChairKind.Recliner => "Recliner",
        ChairKind.Bed => "Bed",
        ChairKind.PrivateRoom => "Private room",
        _ => kind.ToString(),
    };

    /// <summary>Chair time as nurses say it: "45 min", "2 h", "3 h 30".</summary>
    public static string Duration(int minutes) => minutes >= 60 ? $"{minutes / 60} h{(minutes % 60 > 0 ? $" {minutes % 60:00}" : "")}" : $"{minutes} min";

    /// <summary>Enter or Space on a focused row, block or free stretch acts like a click (keyboard users).</summary>
    public static Task OnKeyAsync(KeyboardEventArgs e, Func<Task> action) => e.Key is "Enter" or " " ? action() : Task.CompletedTask;
}
