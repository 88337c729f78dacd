using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Protocols;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>
/// Issue 11, finding 5: the protocol screens speak in words. Enum values are never shown as identifiers
/// ("BeforeEachDose", "PreviousDose"), counts have the right number ("1 week"), and proper nouns stay capitalised.
/// </summary>
public sealed class ProtocolWordsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Identifiers of the protocol enums that must never reach a page (case-sensitive: "before each dose" is fine).</summary>
    private static readonly string[] Identifiers =
    [
        .. Enum.GetNames<GateTiming>().Where(n => n != nameof(GateTiming.Periodic)), .. Enum.GetNames<MaintenanceAnchor>(),
        .. Enum.GetNames<CourseGapAnchor>(), .. Enum.GetNames<SpacingReference>(), nameof(DoseBasis.BodySurfaceArea),
        nameof(DoseRoundingMode.Nearest), "privateRoom", EligibilityRules.NoPriorReaction, nameof(InfusionReactionSeverity.Severe),
    ];

    [Fact]
    public void ProtocolText_EveryEnumValue_HasWords_NotItsIdentifier()
    {
        static void Check<T>(Func<T, string> words) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                var text = words(value);
                text.ShouldNotBeNullOrWhiteSpace();
                text.ShouldNotBe(value.ToString());
                text.ShouldNotContain(value.ToString(), Case.Sensitive);
            }
        }

        Check<GateTiming>(ProtocolText.Timing);
        Check<MaintenanceAnchor>(ProtocolText.Anchor);
        Check<CourseGapAnchor>(ProtocolText.GapAnchor);
        Check<DoseRoundingMode>(ProtocolText.Rounding);
        Check<SpacingReference>(r => ProtocolText.Spacing(r));
        Check<IntervalUnit>(ProtocolText.Unit);
        Check<DoseBasis>(ProtocolText.Basis);
        Check<InfusionReactionSeverity>(ProtocolText.Severity);

        ProtocolText.Anchor(MaintenanceAnchor.PreviousDose).ShouldBe("after the previous dose");
        ProtocolText.Timing(GateTiming.BeforeEachDose).ShouldBe("before each dose");
        ProtocolText.ChairKindText("privateRoom").ShouldBe("Private room");
        ProtocolText.ChairKindText(null).ShouldBe("Any chair");
        ProtocolText.Spacing(SpacingReference.PreviousPeriodEnd, courses: true).ShouldBe("after the last day of the previous course");
    }

    [Fact]
    public void ProtocolText_Intervals_HaveTheRightNumber()
    {
        ProtocolText.Interval(Interval.OfWeeks(1)).ShouldBe("1 week");
        ProtocolText.Interval(Interval.OfWeeks(24)).ShouldBe("24 weeks");
        ProtocolText.Interval(Interval.OfMonths(1)).ShouldBe("1 month");
        ProtocolText.Interval(Interval.OfDays(28)).ShouldBe("28 days");
        ProtocolText.GateWhen(new SafetyGate("monthly-labs", "Labs", GateTiming.AfterTreatment, false, Interval.OfMonths(1), Interval.OfMonths(48)))
            .ShouldBe("Every 1 month after treatment, for 48 months after the last dose");
        ProtocolText.GateWhen(new SafetyGate("premed", "Premed", GateTiming.BeforeEachDose, true, UpToCourseDay: 3))
            .ShouldBe("Before each dose on course days 1–3");
        ProtocolText.Window(new DoseWindow(0, 28)).ShouldBe("up to 28 days after the target date");
        ProtocolText.Window(new DoseWindow(1, 7)).ShouldBe("1 day before to 7 days after the target date");
    }

    [Fact]
    public void Check_ValidProtocol_GivesTheCalendar_AnInvalidOne_ItsProblemsByField()
    {
        var start = new DateOnly(2030, 1, 7);
        var valid = ProtocolService.Check(DefaultProtocols.Natalizumab, start, 1.8m);
        valid.Errors.ShouldBeEmpty();
        valid.Preview!.Doses[1].Date.ShouldBe(start.AddDays(28));

        var form = ProtocolForm.From(DefaultProtocols.Natalizumab);
        form.Maintenance.IntervalValue = 0;
        var invalid = ProtocolService.Check(form.ToDefinition(), start, 1.8m);
        invalid.Preview.ShouldBeNull();
        invalid.Errors.Keys.ShouldContain(k => k.StartsWith("maintenance.interval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProtocolsPage_ShowsTimingsAndAnchorsInWords_ProperNounsCapitalised_NoIdentifiers()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");

        var html = await nurse.GetStringAsync("/protocols");

        ShouldHaveNoIdentifiers(html);
        html.ShouldContain("Hepatitis B virus screening", Case.Sensitive);
        html.ShouldContain("Before the first dose", Case.Sensitive);
        html.ShouldContain("Before each dose", Case.Sensitive);
        html.ShouldContain("every 4 weeks, after the previous dose", Case.Sensitive);
        html.ShouldContain("every 24 weeks, counted from the first dose", Case.Sensitive);
        html.ShouldContain("Every 1 month after treatment, for 48 months after the last dose", Case.Sensitive);
        html.ShouldContain("Loading", Case.Sensitive); // step labels start with a capital
        html.ShouldContain("only for patients with no prior severe infusion reaction on this drug", Case.Sensitive); // ocrelizumab's shorter infusion
        html.ShouldNotContain("data-testid=\"edit-protocol\""); // nurses read protocols; admins edit them
    }

    [Theory]
    [InlineData("natalizumab")]
    [InlineData("ocrelizumab")]
    [InlineData("alemtuzumab")]
    [InlineData("mitoxantrone")]
    [InlineData("methylprednisolone")]
    public async Task ProtocolEditor_ShowsEveryChoiceInWords_NoIdentifiers(string code)
    {
        using var admin = fixture.App.CreateClientAs("Admin");

        var html = await admin.GetStringAsync($"/protocols/{code}/edit");

        html.ShouldContain($"Edit {code}");
        ShouldHaveNoIdentifiers(html);
    }

    [Fact]
    public async Task ProtocolEditor_Alemtuzumab_CourseGapAndMonitoringInWords()
    {
        using var admin = fixture.App.CreateClientAs("Admin");

        var html = await admin.GetStringAsync("/protocols/alemtuzumab/edit");

        html.ShouldContain("from the first day of the previous course", Case.Sensitive);
        html.ShouldContain("After treatment (monitoring)", Case.Sensitive);
        html.ShouldContain("calendar months", Case.Sensitive);
    }

    private static void ShouldHaveNoIdentifiers(string html)
    {
        foreach (var identifier in Identifiers)
        {
            html.ShouldNotContain(identifier, Case.Sensitive);
        }
    }
}
