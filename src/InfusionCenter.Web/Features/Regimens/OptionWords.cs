using InfusionCenter.Web.Components.Shared;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>How the patient page and the "how it's given" dialog word a dose's administration options (issue 14).</summary>
public static class OptionWords
{
    private const string NotEligible = "Not eligible: ";

    /// <summary>An option's name without its explanation: "Shorter (about 2 h)".</summary>
    public static string ShortName(string? name) => string.IsNullOrEmpty(name) ? "" : DoseOptions.ShortName(name);

    /// <summary>What follows the short name in the option's full name ("no prior serious infusion reaction"), or null.</summary>
    public static string? Condition(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var shortName = ShortName(name);
        return shortName.Length < name.Length ? name[(shortName.Length + 3)..].Trim() : null;
    }

    /// <summary>"chosen by nurse@infusion.test" or "the clinic's default".</summary>
    public static string ChosenBy(string? chosenBy) =>
        string.IsNullOrWhiteSpace(chosenBy) ? "the clinic's default" : chosenBy == "system" ? "chosen by the system" : $"chosen by {chosenBy}";

    /// <summary>"injection" for a protocol given under the skin, otherwise "infusion".</summary>
    public static string Administration(string? protocolName) =>
        protocolName is not null && (protocolName.Contains(" SC", StringComparison.Ordinal) || protocolName.Contains("subcutaneous", StringComparison.OrdinalIgnoreCase))
            ? "injection" : "infusion";

    /// <summary>"45 min premedication + 2 h infusion + 1 h observation = 3 h 45 in the chair" (parts of 0 min left out).</summary>
    public static string Breakdown(DoseOptionDto option, string administration = "infusion")
    {
        ArgumentNullException.ThrowIfNull(option);
        var parts = new List<string>();
        if (option.PremedMinutes > 0)
        {
            parts.Add($"{UiText.Duration(option.PremedMinutes)} premedication");
        }

        parts.Add($"{UiText.Duration(option.AdministrationMinutes)} {administration}");
        if (option.ObservationMinutes > 0)
        {
            parts.Add($"{UiText.Duration(option.ObservationMinutes)} observation");
        }

        return $"{string.Join(" + ", parts)} = {UiText.Duration(option.ChairMinutes)} in the chair";
    }

    /// <summary>An option's reason with the short name in front when it is not eligible: "Shorter (about 2 h) not eligible: severe …".</summary>
    public static string Unavailable(DoseOptionDto option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var reason = option.Reason.StartsWith(NotEligible, StringComparison.Ordinal) ? option.Reason[NotEligible.Length..] : option.Reason;
        return $"{ShortName(option.Name)} not eligible: {reason}";
    }

    /// <summary>
    /// Why the dose is given this way: the chosen option's reason ("Eligible: no severe infusion reaction recorded…"), then
    /// each option the patient may not have, with its reason.
    /// </summary>
    public static IReadOnlyList<string> Why(DoseOptionsDto options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>();
        if (options.Options.FirstOrDefault(o => o.Code == options.Chosen) is { } chosen)
        {
            lines.Add(chosen.Reason);
        }
        else
        {
            lines.Add("No way of giving this dose is available to this patient now.");
        }

        lines.AddRange(options.Options.Where(o => !o.Eligible && o.Code != options.Chosen).Select(Unavailable));
        return lines;
    }

    /// <summary>
    /// Once per regimen (tablets have no hover): each option its doses still to give may not have, with the reason —
    /// "Shorter (about 2 h) is not available for the doses still to give: severe infusion reaction recorded on … (dose 3)."
    /// </summary>
    public static IReadOnlyList<string> NotAvailable(IEnumerable<DoseOptionsDto> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        return [.. doses.SelectMany(d => d.Options).Where(o => !o.Eligible)
            .Select(o => $"{ShortName(o.Name)} is not available for the doses still to give: {Lower(o.Reason.StartsWith(NotEligible, StringComparison.Ordinal) ? o.Reason[NotEligible.Length..] : o.Reason)}")
            .Distinct(StringComparer.Ordinal)];
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
