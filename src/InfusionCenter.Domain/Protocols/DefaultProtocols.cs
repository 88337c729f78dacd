using InfusionCenter.Domain.Patients;

namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// The seeded protocols of DOMAIN.md (the six first drugs, then Ocrevus Zunovo and Tyruko), as data. Windows, spacings
/// and chair minutes not fixed by the labels are clinic choices documented in Protocols/README.md; admins can edit every
/// value. Earlier releases' defaults are kept in DefaultProtocols.Superseded.cs (start-up upgrades unedited protocols).
/// </summary>
public static partial class DefaultProtocols
{
    public const string OcrelizumabCode = "ocrelizumab";
    public const string UblituximabCode = "ublituximab";
    public const string NatalizumabCode = "natalizumab";
    public const string AlemtuzumabCode = "alemtuzumab";
    public const string MitoxantroneCode = "mitoxantrone";
    public const string MethylprednisoloneCode = "methylprednisolone";
    public const string OcrelizumabScCode = "ocrelizumab-sc";
    public const string NatalizumabSztnCode = "natalizumab-sztn";

    /// <summary>
    /// The anti-CD20 gates shared by several protocols (a nested type, so that they are initialised before any protocol of
    /// any part of this partial class uses them).
    /// </summary>
    private static class AntiCd20Gates
    {
        public static readonly SafetyGate HepatitisB = new(
            "hepatitis-b-screening",
            "Hepatitis B virus screening (HBsAg and anti-HBc) before the first dose; do not start with active HBV.",
            GateTiming.BeforeFirstDose,
            Blocking: true);

        public static readonly SafetyGate ActiveInfection = new(
            "active-infection-check",
            "Check for active infection before each dose; delay the infusion until an active infection resolves.",
            GateTiming.BeforeEachDose,
            Blocking: true);

        public static readonly SafetyGate Premedication = new(
            "premedication-ordered",
            "Premedication ordered: methylprednisolone 100 mg IV (or equivalent) and an antihistamine 30–60 min before the infusion; antipyretic optional.",
            GateTiming.BeforeEachDose,
            Blocking: true);
    }

    public static ProtocolDefinition Ocrelizumab { get; } = new()
    {
        Code = OcrelizumabCode,
        Name = "Ocrelizumab IV (initial dose + every 24 weeks)",
        Drug = new Drug("ocrelizumab", "Ocrevus"),
        Description = "300 mg on day 1 and day 15, then 600 mg 24 weeks after infusion 1 and every 24 weeks. "
            + "600 mg doses: standard infusion (about 3.5 h) or, for a patient with no prior serious infusion reaction to ocrelizumab, the shorter infusion (about 2 h). "
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
            Options =
            [
                new AdministrationOption("standard", "Standard (about 3.5 h)", new ChairTime(45, 210, 60)),
                new AdministrationOption(
                    "shorter",
                    "Shorter (about 2 h) — no prior serious infusion reaction",
                    new ChairTime(45, 120, 60),
                    new EligibilityRule(EligibilityRules.NoPriorReaction, InfusionReactionSeverity.Severe)),
            ],
        },
        Window = new DoseWindow(14, 14),
        MinSpacing = new MinimumSpacing(Interval.OfWeeks(20)),
        SafetyGates = [AntiCd20Gates.HepatitisB, AntiCd20Gates.ActiveInfection, AntiCd20Gates.Premedication],
    };

    public static ProtocolDefinition Ublituximab { get; } = new()
    {
        Code = UblituximabCode,
        Name = "Ublituximab IV (150/450 mg + every 24 weeks)",
        Drug = new Drug("ublituximab", "Briumvi"),
        Description = "150 mg on day 1 (4 h), 450 mg on day 15 (1 h), then 450 mg (1 h) 24 weeks after infusion 1 and every 24 weeks. "
            + "Observe 1 h after the first two infusions. Doses at least 5 months apart.",
        Steps =
        [
            new DoseStep(0, DoseAmount.Mg(150), new ChairTime(45, 240, 60), "loading"),
            new DoseStep(14, DoseAmount.Mg(450), new ChairTime(45, 60, 60), "loading", new DoseWindow(2, 7)),
        ],
        Maintenance = new MaintenanceRule
        {
            Interval = Interval.OfWeeks(24),
            Anchor = MaintenanceAnchor.FirstDose,
            Amount = DoseAmount.Mg(450),
            ChairTime = new ChairTime(45, 60, 0),
        },
        Window = new DoseWindow(14, 14),
        MinSpacing = new MinimumSpacing(Interval.OfMonths(5)),
        SafetyGates = [AntiCd20Gates.HepatitisB, AntiCd20Gates.ActiveInfection, AntiCd20Gates.Premedication],
    };

    public static ProtocolDefinition Natalizumab { get; } = new()
    {
        Code = NatalizumabCode,
        Name = "Natalizumab IV every 4 weeks",
        Drug = new Drug("natalizumab", "Tysabri"),
        Description = "300 mg every 4 weeks (28 days); extended-interval dosing (every 6 weeks, off-label) is a per-regimen interval override. "
            + "1 h infusion + 1 h observation.",
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
                "touch-authorization",
                "TOUCH program: the patient must be authorized before every infusion and the pre-infusion checklist completed.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "touch-reauthorization",
                "TOUCH re-authorization every 6 months; warn before the authorization expires.",
                GateTiming.Periodic,
                Blocking: true,
                Interval.OfMonths(6)),
            new SafetyGate(
                "anti-jcv-antibody",
                "Anti-JCV antibody status retested about every 6 months.",
                GateTiming.Periodic,
                Blocking: false,
                Interval.OfMonths(6)),
        ],
    };

    public static ProtocolDefinition Alemtuzumab { get; } = new()
    {
        Code = AlemtuzumabCode,
        Name = "Alemtuzumab IV (5-day course, then 3-day course 12 months later)",
        Drug = new Drug("alemtuzumab", "Lemtrada"),
        Description = "12 mg/day on 5 consecutive days; 12 months after the first day of course 1, 12 mg/day on 3 consecutive days. "
            + "Further 3-day courses only on order, at least 12 months after the last dose of the previous course. "
            + "Corticosteroid premedication on days 1–3 of each course; plan a 7–8 h chair day.",
        Courses = new CourseRule
        {
            FirstCourseDays = 5,
            SubsequentCourseDays = 3,
            Gap = Interval.OfMonths(12),
            GapAnchor = CourseGapAnchor.PreviousCourseStart,
            OnOrderGapAnchor = CourseGapAnchor.PreviousCourseEnd,
            PlannedCourses = 2,
            MaxCourses = null,
            DailyAmount = DoseAmount.Mg(12),
            DayChairTimes =
            [
                new CourseDayChairTime(1, new ChairTime(60, 240, 120)),
                new CourseDayChairTime(4, new ChairTime(30, 240, 120)),
            ],
            FirstDayWindow = new DoseWindow(0, 28),
            SubsequentDayWindow = DoseWindow.Exact,
        },
        Window = new DoseWindow(0, 28),
        MinSpacing = new MinimumSpacing(Interval.OfMonths(12), SpacingReference.PreviousPeriodStart),
        SafetyGates =
        [
            new SafetyGate(
                "rems-certified-site",
                "Lemtrada REMS: infuse only at a certified site with a REMS-enrolled patient.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "corticosteroid-premedication",
                "Corticosteroid premedication (methylprednisolone 1 g IV) on days 1–3 of each course.",
                GateTiming.BeforeEachDose,
                Blocking: true,
                UpToCourseDay: 3),
            new SafetyGate(
                "baseline-labs",
                "Complete blood count with differential, serum creatinine, urinalysis and TSH before the course.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "monthly-labs",
                "Complete blood count, serum creatinine and urinalysis monthly until 48 months after the last dose.",
                GateTiming.AfterTreatment,
                Blocking: false,
                Interval.OfMonths(1),
                For: Interval.OfMonths(48)),
        ],
    };

    public static ProtocolDefinition Mitoxantrone { get; } = new()
    {
        Code = MitoxantroneCode,
        Name = "Mitoxantrone IV 12 mg/m² every 3 months",
        Drug = new Drug("mitoxantrone", "Novantrone"),
        Description = "12 mg/m² × BSA every 3 calendar months; lifetime cumulative cap 140 mg/m² (US label; EU labelling 72 mg/m²). "
            + "LVEF, blood count and liver tests before each dose.",
        Steps = [new DoseStep(0, DoseAmount.MgPerM2(12), new ChairTime(15, 15, 15), "dose")],
        Maintenance = new MaintenanceRule
        {
            Interval = Interval.OfMonths(3),
            Anchor = MaintenanceAnchor.PreviousDose,
            Amount = DoseAmount.MgPerM2(12),
            ChairTime = new ChairTime(15, 15, 15),
            Label = "dose",
        },
        Window = new DoseWindow(7, 14),
        MinSpacing = new MinimumSpacing(Interval.OfWeeks(11)),
        CumulativeCapMgPerM2 = 140m,
        Rounding = new DoseRounding(0.1m),
        SafetyGates =
        [
            new SafetyGate(
                "lvef-before-each-dose",
                "LVEF evaluated (echocardiogram or MUGA) before each dose; hold if LVEF < 50% or a clinically significant drop.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "cbc-and-liver-tests",
                "Complete blood count and liver function tests before each dose.",
                GateTiming.BeforeEachDose,
                Blocking: true),
            new SafetyGate(
                "yearly-lvef-after-stopping",
                "Yearly LVEF evaluation after stopping treatment (late cardiotoxicity).",
                GateTiming.AfterTreatment,
                Blocking: false,
                Interval.OfMonths(12)),
        ],
    };

    public static ProtocolDefinition Methylprednisolone { get; } = new()
    {
        Code = MethylprednisoloneCode,
        Name = "Methylprednisolone IV relapse course (1 g/day × 3–5 days)",
        Drug = new Drug("methylprednisolone", "Solu-Medrol"),
        Description = "1000 mg/day on 3 to 5 consecutive days (default 5), ordered per relapse; about 1 h infusion.",
        Courses = new CourseRule
        {
            FirstCourseDays = 5,
            MinDays = 3,
            MaxDays = 5,
            PlannedCourses = 1,
            MaxCourses = 1,
            DailyAmount = DoseAmount.Mg(1000),
            DayChairTimes = [new CourseDayChairTime(1, new ChairTime(0, 60, 15))],
            FirstDayWindow = new DoseWindow(0, 2),
            SubsequentDayWindow = DoseWindow.Exact,
        },
        Window = new DoseWindow(0, 2),
        SafetyGates =
        [
            new SafetyGate(
                "relapse-order-signed",
                "Relapse confirmed and the course ordered (number of days) by the neurologist.",
                GateTiming.BeforeFirstDose,
                Blocking: true),
        ],
    };

    /// <summary>The defaults: the six of DOMAIN.md's table in its order, then the newer ways of giving the same drugs.</summary>
    /// <remarks>Built on first use: the protocols are initialised in two files of this partial class.</remarks>
    public static IReadOnlyList<ProtocolDefinition> All => _all ??=
        [Ocrelizumab, Ublituximab, Natalizumab, Alemtuzumab, Mitoxantrone, Methylprednisolone, OcrelizumabSc, NatalizumabSztn];

    private static IReadOnlyList<ProtocolDefinition>? _all;

    /// <summary>The default protocol with <paramref name="code"/>, or null.</summary>
    public static ProtocolDefinition? Find(string code)
    {
        foreach (var protocol in All)
        {
            if (string.Equals(protocol.Code, code, StringComparison.Ordinal))
            {
                return protocol;
            }
        }

        return null;
    }
}
