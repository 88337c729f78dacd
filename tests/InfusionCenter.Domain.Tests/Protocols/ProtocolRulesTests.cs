using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Protocols;

public class ProtocolRulesTests
{
    private static readonly ProtocolDefinition _ocrelizumab = DefaultProtocols.Ocrelizumab;
    private static readonly ProtocolDefinition _alemtuzumab = DefaultProtocols.Alemtuzumab;
    private static readonly ProtocolDefinition _methylprednisolone = DefaultProtocols.Methylprednisolone;

    private static string[] Fields(ProtocolDefinition protocol) => [.. protocol.Validate().Select(e => e.Field)];

    [Fact]
    public void Validate_ZeroMaintenanceInterval_IsAnError()
    {
        var protocol = _ocrelizumab with { Maintenance = _ocrelizumab.Maintenance! with { Interval = Interval.OfWeeks(0) } };

        Fields(protocol).ShouldContain("maintenance.interval.value");
    }

    [Fact]
    public void Validate_StepsOutOfOrder_IsAnError()
    {
        var protocol = _ocrelizumab with { Steps = [_ocrelizumab.Steps[0], _ocrelizumab.Steps[1] with { DayOffset = 0 }] };

        var error = protocol.Validate().ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[1].dayOffset");
        error.Message.ShouldContain("increasing");
    }

    [Fact]
    public void Validate_FirstStepNotOnDay1_IsAnError()
    {
        var protocol = _ocrelizumab with { Steps = [_ocrelizumab.Steps[0] with { DayOffset = 3 }, _ocrelizumab.Steps[1]] };

        Fields(protocol).ShouldBe(["steps[0].dayOffset"]);
    }

    [Fact]
    public void Validate_WindowNotContainingTarget_IsAnError()
    {
        var protocol = _ocrelizumab with { Window = new DoseWindow(-2, 14) };

        Fields(protocol).ShouldBe(["window"]);
    }

    [Fact]
    public void Validate_StepWindowNotContainingTarget_IsAnError()
    {
        var protocol = _ocrelizumab with { Steps = [_ocrelizumab.Steps[0], _ocrelizumab.Steps[1] with { Window = new DoseWindow(2, -1) }] };

        Fields(protocol).ShouldBe(["steps[1].window"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-140)]
    public void Validate_NonPositiveCap_IsAnError(int cap)
    {
        var protocol = DefaultProtocols.Mitoxantrone with { CumulativeCapMgPerM2 = cap };

        Fields(protocol).ShouldBe(["cumulativeCapMgPerM2"]);
    }

    [Fact]
    public void Validate_CapOnFixedDoseProtocol_IsAnError()
    {
        var protocol = _ocrelizumab with { CumulativeCapMgPerM2 = 140m };

        Fields(protocol).ShouldBe(["cumulativeCapMgPerM2"]);
    }

    [Fact]
    public void Validate_ChairTimeLongerThanAClinicDay_IsAnError()
    {
        var protocol = _ocrelizumab with { Maintenance = _ocrelizumab.Maintenance! with { ChairTime = new ChairTime(60, 600, 120) } };

        Fields(protocol).ShouldBe(["maintenance.chairTime"]);
    }

    [Fact]
    public void Validate_NegativeOrZeroChairMinutes_AreErrors()
    {
        var protocol = _ocrelizumab with { Steps = [_ocrelizumab.Steps[0] with { ChairTime = new ChairTime(-1, 0, -5) }] };

        Fields(protocol).ShouldBe(["steps[0].chairTime.premedMinutes", "steps[0].chairTime.infusionMinutes", "steps[0].chairTime.observationMinutes"]);
    }

    [Fact]
    public void Validate_ZeroAmount_IsAnError()
    {
        var protocol = _ocrelizumab with { Maintenance = _ocrelizumab.Maintenance! with { Amount = DoseAmount.Mg(0) } };

        Fields(protocol).ShouldBe(["maintenance.amount.value"]);
    }

    [Fact]
    public void Validate_CourseDefaultOutsideRange_IsAnError()
    {
        var protocol = _methylprednisolone with { Courses = _methylprednisolone.Courses! with { MinDays = 3, MaxDays = 4 } };

        Fields(protocol).ShouldBe(["courses.firstCourseDays"]);
    }

    [Fact]
    public void Validate_CourseMinAboveMax_IsAnError()
    {
        var protocol = _methylprednisolone with { Courses = _methylprednisolone.Courses! with { MinDays = 6, MaxDays = 3 } };

        Fields(protocol).ShouldContain("courses.firstCourseDays");
    }

    [Fact]
    public void Validate_SeveralCoursesWithoutGap_IsAnError()
    {
        var protocol = _alemtuzumab with { Courses = _alemtuzumab.Courses! with { Gap = null } };

        Fields(protocol).ShouldBe(["courses.gap"]);
    }

    [Fact]
    public void Validate_MinSpacingLongerThanInterval_IsAnError()
    {
        var protocol = _ocrelizumab with { MinSpacing = new MinimumSpacing(Interval.OfWeeks(30)) };

        Fields(protocol).ShouldContain("minSpacing");
    }

    [Fact]
    public void Validate_StepsAndCoursesTogether_IsAnError()
    {
        var protocol = _alemtuzumab with { Steps = _ocrelizumab.Steps };

        Fields(protocol).ShouldContain("courses");
    }

    [Fact]
    public void Validate_NeitherStepsNorCourses_IsAnError()
    {
        var protocol = _ocrelizumab with { Steps = [], Maintenance = null };

        Fields(protocol).ShouldBe(["steps"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ocrelizumab")]
    [InlineData("ocre lizumab")]
    [InlineData("1ocrelizumab")]
    public void Validate_BadCode_IsAnError(string code)
    {
        Fields(_ocrelizumab with { Code = code }).ShouldBe(["code"]);
    }

    [Fact]
    public void Validate_DuplicateGateCodesAndPeriodicGateWithoutInterval_AreErrors()
    {
        var gate = new SafetyGate("lvef", "LVEF", GateTiming.Periodic, Blocking: true);
        var protocol = _ocrelizumab with { SafetyGates = [gate with { Every = Interval.OfMonths(6) }, gate] };

        Fields(protocol).ShouldBe(["safetyGates[1].code", "safetyGates[1].every"]);
    }

    [Fact]
    public void Validate_MonitoringDuration_OnlyOnAfterTreatmentGates_AndInRange()
    {
        var labs = new SafetyGate("labs", "Monthly labs", GateTiming.AfterTreatment, Blocking: false, Interval.OfMonths(1), For: Interval.OfMonths(48));
        var perDose = new SafetyGate("check", "Check", GateTiming.BeforeEachDose, Blocking: true, For: Interval.OfMonths(48));
        var tooLong = labs with { Code = "long", For = Interval.OfMonths(121) };

        Fields(_ocrelizumab with { SafetyGates = [labs] }).ShouldBeEmpty();
        Fields(_ocrelizumab with { SafetyGates = [labs, perDose, tooLong] }).ShouldBe(["safetyGates[1].for", "safetyGates[2].for.value"]);
    }

    [Fact]
    public void Gates_LimitedToTheFirstCourseDays_ApplyOnlyThen_AndOnlyBeforeEachDoseGatesMayBeLimited()
    {
        var premed = DefaultProtocols.Alemtuzumab.SafetyGates.Single(g => g.Code == "corticosteroid-premedication");
        premed.UpToCourseDay.ShouldBe(3);
        Enumerable.Range(1, 5).Select(day => premed.AppliesAtInfusion(day, day)).ShouldBe([true, true, true, false, false]);
        DefaultProtocols.Alemtuzumab.SafetyGates.Single(g => g.Code == "rems-certified-site").AppliesAtInfusion(5, 5).ShouldBeTrue();
        new SafetyGate("first", "First", GateTiming.BeforeFirstDose, true).AppliesAtInfusion(2, 2).ShouldBeFalse();
        new SafetyGate("labs", "Labs", GateTiming.AfterTreatment, false, Interval.OfMonths(1)).AppliesAtInfusion(1, 1).ShouldBeFalse();

        var periodic = new SafetyGate("p", "P", GateTiming.Periodic, true, Interval.OfMonths(6), UpToCourseDay: 3);
        var zero = premed with { Code = "zero", UpToCourseDay = 0 };
        Fields(_ocrelizumab with { SafetyGates = [premed, periodic, zero] }).ShouldBe(["safetyGates[1].upToCourseDay", "safetyGates[2].upToCourseDay"]);
    }

    [Fact]
    public void Json_MonitoringDuration_RoundTrips_AndIsOptional()
    {
        var alemtuzumab = DefaultProtocols.Alemtuzumab;
        var labs = alemtuzumab.SafetyGates.Single(g => g.Code == "monthly-labs");
        labs.For.ShouldBe(Interval.OfMonths(48));

        ProtocolJson.Deserialize(ProtocolJson.Serialize(alemtuzumab)).SafetyGates.Single(g => g.Code == "monthly-labs").For.ShouldBe(Interval.OfMonths(48));
        // Definitions stored before the field existed have no "for": they read as no end.
        var node = System.Text.Json.Nodes.JsonNode.Parse(ProtocolJson.Serialize(alemtuzumab))!;
        foreach (var gate in node["safetyGates"]!.AsArray())
        {
            gate!.AsObject().Remove("for");
        }

        ProtocolJson.Deserialize(node.ToJsonString()).SafetyGates.Single(g => g.Code == "monthly-labs").For.ShouldBeNull();
    }

    [Fact]
    public void Validate_ZeroRoundingIncrement_IsAnError()
    {
        Fields(_ocrelizumab with { Rounding = new DoseRounding(0m) }).ShouldBe(["rounding.increment"]);
    }

    [Fact]
    public void Validate_NullMembersFromSloppyJson_AreErrorsNotExceptions()
    {
        var protocol = _ocrelizumab with { Name = null!, Window = null!, SafetyGates = null! };

        Fields(protocol).ShouldBe(["name", "window", "safetyGates"]);
    }

    [Fact]
    public void Validate_ValidProtocol_AllocatesNothing()
    {
        var protocol = DefaultProtocols.Alemtuzumab;
        protocol.Validate();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = protocol.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        errors.Count.ShouldBe(0);
        allocated.ShouldBe(0);
    }

    [Fact]
    public void Protocol_WithChangedValue_IsNotEqual()
    {
        (DefaultProtocols.Natalizumab with { Window = new DoseWindow(3, 8) }).ShouldNotBe(DefaultProtocols.Natalizumab);
        (DefaultProtocols.Alemtuzumab with { Courses = _alemtuzumab.Courses! with { DayChairTimes = [_alemtuzumab.Courses.DayChairTimes[0]] } })
            .ShouldNotBe(DefaultProtocols.Alemtuzumab);
    }
}
