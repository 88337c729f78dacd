namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Definitions that earlier releases installed as defaults and that a newer default replaces. At start-up the web app
/// adds the current default as a new version of a protocol whose current version is exactly one of these and was written
/// by the start-up seeding (never edited by an admin); regimens keep the version they started on. Written out in full,
/// not derived from the current defaults, so that later edits of a default cannot change what an earlier release shipped.
/// When a default changes, add the definition it replaces here.
/// </summary>
public static partial class DefaultProtocols
{
    /// <summary>Ocrelizumab IV as installed before the 600 mg doses had administration options (standard / shorter).</summary>
    public static ProtocolDefinition OcrelizumabWithoutOptions { get; } = new()
    {
        Code = OcrelizumabCode,
        Name = "Ocrelizumab IV (initial dose + every 24 weeks)",
        Drug = new Drug("ocrelizumab", "Ocrevus"),
        Description = "300 mg on day 1 and day 15, then 600 mg 24 weeks after infusion 1 and every 24 weeks. "
            + "Missed dose: give as soon as possible and restart the 24-week schedule from the date given; doses at least 20 weeks apart.",
        Steps =
        [
            new DoseStep(0, DoseAmount.Mg(300), new ChairTime(45, 150, 60), "loading"),
            new DoseStep(14, DoseAmount.Mg(300), new ChairTime(45, 150, 60), "loading", new DoseWindow(2, 7)),
        ],
        Maintenance = new MaintenanceRule
        {
            Interval = Interval.OfWeeks(24),
            Anchor = MaintenanceAnchor.FirstDose,
            Amount = DoseAmount.Mg(600),
            ChairTime = new ChairTime(45, 210, 60),
        },
        Window = new DoseWindow(14, 14),
        MinSpacing = new MinimumSpacing(Interval.OfWeeks(20)),
        SafetyGates =
        [
            new SafetyGate(
                "hepatitis-b-screening",
                "Hepatitis B virus screening (HBsAg and anti-HBc) before the first dose; do not start with active HBV.",
                GateTiming.BeforeFirstDose,
                Blocking: true),
            new SafetyGate(
                "active-infection-check",
                "Check for active infection before each dose; delay the infusion until an active infection resolves.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "premedication-ordered",
                "Premedication ordered: methylprednisolone 100 mg IV (or equivalent) and an antihistamine 30–60 min before the infusion; antipyretic optional.",
                GateTiming.BeforeEachDose,
                Blocking: true),
        ],
    };

    /// <summary>Every superseded default, oldest first.</summary>
    public static IReadOnlyList<ProtocolDefinition> Superseded => _superseded ??= [OcrelizumabWithoutOptions];

    private static IReadOnlyList<ProtocolDefinition>? _superseded;

    /// <summary>
    /// Whether <paramref name="stored"/> is a definition an earlier release installed as the default of its code and the
    /// current default differs from it (so an unedited protocol should move to the current default).
    /// </summary>
    public static bool IsSupersededDefault(ProtocolDefinition stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Find(stored.Code) is not { } current || current.Equals(stored))
        {
            return false;
        }

        foreach (var earlier in Superseded)
        {
            if (earlier.Equals(stored))
            {
                return true;
            }
        }

        return false;
    }
}
