namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// DOMAIN.md "Newer ways of giving the same drugs" that are protocols of their own: Ocrevus Zunovo (subcutaneous
/// ocrelizumab) and Tyruko (natalizumab-sztn). The ocrelizumab shorter infusion is an administration option of
/// <see cref="Ocrelizumab"/>'s maintenance doses.
/// </summary>
public static partial class DefaultProtocols
{
    public static ProtocolDefinition OcrelizumabSc { get; } = new()
    {
        Code = OcrelizumabScCode,
        Name = "Ocrelizumab SC (Ocrevus Zunovo) every 24 weeks",
        Drug = new Drug("ocrelizumab", "Ocrevus Zunovo"),
        Description = "920 mg ocrelizumab / 23,000 units hyaluronidase as one 23 mL subcutaneous injection in the abdomen over about 10 min, "
            + "every 24 weeks (no split first dose). Oral premedication at least 30 min before; observe at least 1 h after the first "
            + "injection and at least 15 min after later ones. Doses at least 20 weeks apart.",
        Steps = [new DoseStep(0, DoseAmount.Mg(920), new ChairTime(30, 10, 60), "first injection")],
        Maintenance = new MaintenanceRule
        {
            Interval = Interval.OfWeeks(24),
            Anchor = MaintenanceAnchor.FirstDose,
            Amount = DoseAmount.Mg(920),
            ChairTime = new ChairTime(30, 10, 15),
            Label = "injection",
        },
        Window = new DoseWindow(14, 14),
        MinSpacing = new MinimumSpacing(Interval.OfWeeks(20)),
        SafetyGates =
        [
            AntiCd20Gates.HepatitisB,
            AntiCd20Gates.ActiveInfection,
            new SafetyGate(
                "premedication-ordered",
                "Oral premedication ordered: dexamethasone 20 mg (or equivalent) and an oral antihistamine at least 30 min before the injection; antipyretic optional.",
                GateTiming.BeforeEachDose,
                Blocking: true),
        ],
    };

    public static ProtocolDefinition NatalizumabSztn { get; } = new()
    {
        Code = NatalizumabSztnCode,
        Name = "Natalizumab-sztn IV (Tyruko) every 4 weeks",
        Drug = new Drug("natalizumab", "Tyruko"),
        Description = "Natalizumab-sztn, a natalizumab biosimilar: 300 mg every 4 weeks (28 days), 1 h infusion + 1 h observation, "
            + "under the TYRUKO REMS program instead of TOUCH. Anti-JCV antibody status before the first dose and about every 6 months.",
        Steps = [new DoseStep(0, DoseAmount.Mg(300), new ChairTime(0, 60, 60), "first dose")],
        Maintenance = new MaintenanceRule
        {
            Interval = Interval.OfWeeks(4),
            Anchor = MaintenanceAnchor.PreviousDose,
            Amount = DoseAmount.Mg(300),
            ChairTime = new ChairTime(0, 60, 60),
        },
        Window = new DoseWindow(3, 7),
        MinSpacing = new MinimumSpacing(Interval.OfDays(21)),
        SafetyGates =
        [
            new SafetyGate(
                "tyruko-rems-authorization",
                "TYRUKO REMS: the patient must be enrolled and authorized before every infusion and the pre-infusion checklist completed.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "tyruko-rems-reauthorization",
                "TYRUKO REMS re-authorization every 6 months; warn before the authorization expires.",
                GateTiming.Periodic,
                Blocking: true,
                Interval.OfMonths(6)),
            new SafetyGate(
                "anti-jcv-antibody-baseline",
                "Anti-JCV antibody status known before the first dose.",
                GateTiming.BeforeFirstDose,
                Blocking: true),
            new SafetyGate(
                "anti-jcv-antibody",
                "Anti-JCV antibody status retested about every 6 months.",
                GateTiming.Periodic,
                Blocking: false,
                Interval.OfMonths(6)),
        ],
    };
}
