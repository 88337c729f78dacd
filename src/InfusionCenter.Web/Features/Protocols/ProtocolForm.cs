using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>
/// The protocol editor's mutable model: every field of a <see cref="ProtocolDefinition"/>, converted
/// both ways. Validation is the Domain's <see cref="ProtocolRules"/> (the same rules the API applies),
/// whose camelCase field paths (e.g. <c>maintenance.interval.value</c>) the editor shows next to the fields.
/// </summary>
public sealed class ProtocolForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string GenericName { get; set; } = "";
    public string? BrandName { get; set; }
    public string? Description { get; set; }
    public string? RequiredChairKind { get; set; }
    public List<StepForm> Steps { get; set; } = [];
    public bool HasMaintenance { get; set; }
    public MaintenanceForm Maintenance { get; set; } = new();
    public bool HasCourses { get; set; }
    public CourseForm Courses { get; set; } = new();
    public int WindowBefore { get; set; }
    public int WindowAfter { get; set; }
    public bool HasMinSpacing { get; set; }
    public int MinSpacingValue { get; set; } = 1;
    public IntervalUnit MinSpacingUnit { get; set; } = IntervalUnit.Weeks;
    public SpacingReference MinSpacingFrom { get; set; } = SpacingReference.PreviousPeriodEnd;
    public decimal? CumulativeCapMgPerM2 { get; set; }
    public decimal RoundingIncrement { get; set; } = 0.1m;
    public DoseRoundingMode RoundingMode { get; set; } = DoseRoundingMode.Nearest;
    public List<GateForm> SafetyGates { get; set; } = [];

    public static ProtocolForm From(ProtocolDefinition p) => new()
    {
        Code = p.Code,
        Name = p.Name,
        GenericName = p.Drug.GenericName,
        BrandName = p.Drug.BrandName,
        Description = p.Description,
        RequiredChairKind = p.RequiredChairKind,
        Steps = p.Steps.Select(StepForm.From).ToList(),
        HasMaintenance = p.Maintenance is not null,
        Maintenance = p.Maintenance is { } m ? MaintenanceForm.From(m) : new MaintenanceForm(),
        HasCourses = p.Courses is not null,
        Courses = p.Courses is { } c ? CourseForm.From(c) : new CourseForm(),
        WindowBefore = p.Window.DaysBefore,
        WindowAfter = p.Window.DaysAfter,
        HasMinSpacing = p.MinSpacing is not null,
        MinSpacingValue = p.MinSpacing?.Interval.Value ?? 1,
        MinSpacingUnit = p.MinSpacing?.Interval.Unit ?? IntervalUnit.Weeks,
        MinSpacingFrom = p.MinSpacing?.From ?? SpacingReference.PreviousPeriodEnd,
        CumulativeCapMgPerM2 = p.CumulativeCapMgPerM2,
        RoundingIncrement = p.Rounding.Increment,
        RoundingMode = p.Rounding.Mode,
        SafetyGates = p.SafetyGates.Select(GateForm.From).ToList(),
    };

    public ProtocolDefinition ToDefinition() => new()
    {
        Code = Code.Trim(),
        Name = Name.Trim(),
        Drug = new Drug(GenericName.Trim(), string.IsNullOrWhiteSpace(BrandName) ? null : BrandName.Trim()),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        RequiredChairKind = string.IsNullOrWhiteSpace(RequiredChairKind) ? null : RequiredChairKind,
        Steps = HasCourses ? [] : Steps.Select(s => s.ToStep()).ToList(),
        Maintenance = HasMaintenance && !HasCourses ? Maintenance.ToRule() : null,
        Courses = HasCourses ? Courses.ToRule() : null,
        Window = new DoseWindow(WindowBefore, WindowAfter),
        MinSpacing = HasMinSpacing ? new MinimumSpacing(new Interval(MinSpacingValue, MinSpacingUnit), MinSpacingFrom) : null,
        CumulativeCapMgPerM2 = CumulativeCapMgPerM2,
        Rounding = new DoseRounding(RoundingIncrement, RoundingMode),
        SafetyGates = SafetyGates.Select(g => g.ToGate()).ToList(),
    };
}

public sealed class AmountForm
{
    public decimal Value { get; set; }
    public DoseBasis Basis { get; set; }
    public string Unit { get; set; } = "mg";

    public static AmountForm From(DoseAmount a) => new() { Value = a.Value, Basis = a.Basis, Unit = a.Unit };

    public DoseAmount ToAmount() => new(Value, Basis, string.IsNullOrWhiteSpace(Unit) ? "mg" : Unit.Trim());
}

public sealed class ChairTimeForm
{
    public int Premed { get; set; }
    public int Infusion { get; set; }
    public int Observation { get; set; }

    public int Total => Premed + Infusion + Observation;

    public static ChairTimeForm From(ChairTime t) => new() { Premed = t.PremedMinutes, Infusion = t.InfusionMinutes, Observation = t.ObservationMinutes };

    public ChairTime ToChairTime() => new(Premed, Infusion, Observation);
}

public sealed class WindowForm
{
    public bool Custom { get; set; }
    public int Before { get; set; }
    public int After { get; set; }

    public static WindowForm From(DoseWindow? w) => new() { Custom = w is not null, Before = w?.DaysBefore ?? 0, After = w?.DaysAfter ?? 0 };

    public DoseWindow? ToWindow() => Custom ? new DoseWindow(Before, After) : null;
}

public sealed class StepForm
{
    public int DayOffset { get; set; }
    public string Label { get; set; } = "initial";
    public AmountForm Amount { get; set; } = new();
    public ChairTimeForm ChairTime { get; set; } = new();
    public WindowForm Window { get; set; } = new();

    /// <summary>Other ways of giving this dose, each with its own chair time (empty: the step's chair time only).</summary>
    public List<OptionForm> Options { get; set; } = [];

    public static StepForm From(DoseStep s) => new()
    {
        DayOffset = s.DayOffset, Label = s.Label, Amount = AmountForm.From(s.Amount), ChairTime = ChairTimeForm.From(s.ChairTime), Window = WindowForm.From(s.Window),
        Options = s.Options.Select(OptionForm.From).ToList(),
    };

    public DoseStep ToStep() => new(DayOffset, Amount.ToAmount(), ChairTime.ToChairTime(), string.IsNullOrWhiteSpace(Label) ? "initial" : Label.Trim(), Window.ToWindow())
    {
        Options = Options.Select(o => o.ToOption()).ToList(),
    };
}

public sealed class MaintenanceForm
{
    public int IntervalValue { get; set; } = 4;
    public IntervalUnit IntervalUnit { get; set; } = IntervalUnit.Weeks;
    public MaintenanceAnchor Anchor { get; set; } = MaintenanceAnchor.PreviousDose;
    public AmountForm Amount { get; set; } = new();
    public ChairTimeForm ChairTime { get; set; } = new();
    public int? RepeatCount { get; set; }
    public WindowForm Window { get; set; } = new();
    public string Label { get; set; } = "maintenance";

    /// <summary>Other ways of giving a maintenance dose, each with its own chair time (empty: the rule's chair time only).</summary>
    public List<OptionForm> Options { get; set; } = [];

    public static MaintenanceForm From(MaintenanceRule m) => new()
    {
        IntervalValue = m.Interval.Value, IntervalUnit = m.Interval.Unit, Anchor = m.Anchor, Amount = AmountForm.From(m.Amount),
        ChairTime = ChairTimeForm.From(m.ChairTime), RepeatCount = m.RepeatCount, Window = WindowForm.From(m.Window), Label = m.Label,
        Options = m.Options.Select(OptionForm.From).ToList(),
    };

    public MaintenanceRule ToRule() => new()
    {
        Interval = new Interval(IntervalValue, IntervalUnit),
        Anchor = Anchor,
        Amount = Amount.ToAmount(),
        ChairTime = ChairTime.ToChairTime(),
        RepeatCount = RepeatCount,
        Window = Window.ToWindow(),
        Label = string.IsNullOrWhiteSpace(Label) ? "maintenance" : Label.Trim(),
        Options = Options.Select(o => o.ToOption()).ToList(),
    };
}

public sealed class CourseDayForm
{
    public int FromDay { get; set; } = 1;
    public ChairTimeForm ChairTime { get; set; } = new();
}

public sealed class CourseForm
{
    public int FirstCourseDays { get; set; } = 5;
    public int? SubsequentCourseDays { get; set; }
    public int? MinDays { get; set; }
    public int? MaxDays { get; set; }
    public bool HasGap { get; set; }
    public int GapValue { get; set; } = 12;
    public IntervalUnit GapUnit { get; set; } = IntervalUnit.Months;
    public CourseGapAnchor GapAnchor { get; set; } = CourseGapAnchor.PreviousCourseStart;
    public CourseGapAnchor? OnOrderGapAnchor { get; set; }
    public int PlannedCourses { get; set; } = 1;
    public int? MaxCourses { get; set; }
    public AmountForm DailyAmount { get; set; } = new();
    public List<CourseDayForm> DayChairTimes { get; set; } = [new()];
    public WindowForm FirstDayWindow { get; set; } = new();
    public int SubsequentBefore { get; set; }
    public int SubsequentAfter { get; set; }
    public string Label { get; set; } = "course day";

    public static CourseForm From(CourseRule c) => new()
    {
        FirstCourseDays = c.FirstCourseDays, SubsequentCourseDays = c.SubsequentCourseDays, MinDays = c.MinDays, MaxDays = c.MaxDays,
        HasGap = c.Gap is not null, GapValue = c.Gap?.Value ?? 12, GapUnit = c.Gap?.Unit ?? IntervalUnit.Months, GapAnchor = c.GapAnchor,
        OnOrderGapAnchor = c.OnOrderGapAnchor, PlannedCourses = c.PlannedCourses, MaxCourses = c.MaxCourses, DailyAmount = AmountForm.From(c.DailyAmount),
        DayChairTimes = c.DayChairTimes.Select(d => new CourseDayForm { FromDay = d.FromDay, ChairTime = ChairTimeForm.From(d.ChairTime) }).ToList(),
        FirstDayWindow = WindowForm.From(c.FirstDayWindow), SubsequentBefore = c.SubsequentDayWindow.DaysBefore, SubsequentAfter = c.SubsequentDayWindow.DaysAfter,
        Label = c.Label,
    };

    public CourseRule ToRule() => new()
    {
        FirstCourseDays = FirstCourseDays,
        SubsequentCourseDays = SubsequentCourseDays,
        MinDays = MinDays,
        MaxDays = MaxDays,
        Gap = HasGap ? new Interval(GapValue, GapUnit) : null,
        GapAnchor = GapAnchor,
        OnOrderGapAnchor = OnOrderGapAnchor,
        PlannedCourses = PlannedCourses,
        MaxCourses = MaxCourses,
        DailyAmount = DailyAmount.ToAmount(),
        DayChairTimes = DayChairTimes.Select(d => new CourseDayChairTime(d.FromDay, d.ChairTime.ToChairTime())).ToList(),
        FirstDayWindow = FirstDayWindow.ToWindow(),
        SubsequentDayWindow = new DoseWindow(SubsequentBefore, SubsequentAfter),
        Label = string.IsNullOrWhiteSpace(Label) ? "course day" : Label.Trim(),
    };
}

public sealed class GateForm
{
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public GateTiming Timing { get; set; } = GateTiming.BeforeEachDose;
    public bool Blocking { get; set; } = true;
    public int EveryValue { get; set; } = 6;
    public IntervalUnit EveryUnit { get; set; } = IntervalUnit.Months;

    /// <summary>After-treatment gates: monitoring lasts this long after the last dose (unchecked: no end).</summary>
    public bool HasFor { get; set; }
    public int ForValue { get; set; } = 48;
    public IntervalUnit ForUnit { get; set; } = IntervalUnit.Months;

    /// <summary>Before-each-dose gates: only on course days 1..this (unchecked: every dose).</summary>
    public bool HasUpToCourseDay { get; set; }
    public int UpToCourseDay { get; set; } = 3;

    /// <summary>Periodic and after-treatment gates recur; the others have no interval.</summary>
    public bool Recurs => Timing is GateTiming.Periodic or GateTiming.AfterTreatment;

    public static GateForm From(SafetyGate g) => new()
    {
        Code = g.Code, Description = g.Description, Timing = g.Timing, Blocking = g.Blocking,
        EveryValue = g.Every?.Value ?? 6, EveryUnit = g.Every?.Unit ?? IntervalUnit.Months,
        HasFor = g.For is not null, ForValue = g.For?.Value ?? 48, ForUnit = g.For?.Unit ?? IntervalUnit.Months,
        HasUpToCourseDay = g.UpToCourseDay is not null, UpToCourseDay = g.UpToCourseDay ?? 3,
    };

    public SafetyGate ToGate() => new(
        Code.Trim(), Description.Trim(), Timing, Blocking,
        Recurs ? new Interval(EveryValue, EveryUnit) : null,
        Timing == GateTiming.AfterTreatment && HasFor ? new Interval(ForValue, ForUnit) : null,
        Timing == GateTiming.BeforeEachDose && HasUpToCourseDay ? UpToCourseDay : null);
}
