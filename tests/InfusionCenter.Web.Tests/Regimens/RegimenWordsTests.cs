using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>The words and tones the patient page gives a dose (issue 11: no enum names on screen).</summary>
public sealed class RegimenWordsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DoseDto Dose(DoseStatus status, DateOnly earliest, DateOnly latest, DateOnly? givenOn = null) =>
        new(1, 1, earliest.AddDays(3), earliest, latest, 300m, "mg", null, 120, 1, 1, "maintenance", status, givenOn, null);

    [Fact]
    public void DoseStatus_InWords_WithTheWindowDecidingDueAndOverdue()
    {
        RegimenWords.DoseStatusText(Dose(DoseStatus.Given, Today.AddDays(-10), Today, Today.AddDays(-2)), Today).ShouldBe("Given 2026-11-21");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Missed, Today, Today.AddDays(5)), Today).ShouldBe("Missed · overdue");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Planned, Today.AddDays(-10), Today.AddDays(-1)), Today).ShouldBe("Overdue");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Planned, Today, Today.AddDays(5)), Today).ShouldBe("Due");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Planned, Today.AddDays(1), Today.AddDays(5)), Today).ShouldBe("Planned");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Booked, Today, Today.AddDays(5)), Today).ShouldBe("Booked");
        RegimenWords.DoseStatusText(Dose(DoseStatus.Cancelled, Today, Today.AddDays(5)), Today).ShouldBe("Cancelled");
        RegimenWords.DoseStatusTone(Dose(DoseStatus.Planned, Today.AddDays(-10), Today.AddDays(-1)), Today).ShouldBe(ChipTone.Danger);
        RegimenWords.DoseStatusTone(Dose(DoseStatus.Given, Today, Today, Today), Today).ShouldBe(ChipTone.Success);
    }

    [Fact]
    public void MissedIsOffered_OnlyOnceTheWindowHasOpened_AndNotTwice()
    {
        RegimenWords.CanMarkMissed(Dose(DoseStatus.Planned, Today.AddDays(1), Today.AddDays(5)), Today).ShouldBeFalse();
        RegimenWords.CanMarkMissed(Dose(DoseStatus.Booked, Today, Today.AddDays(5)), Today).ShouldBeTrue();
        RegimenWords.CanMarkMissed(Dose(DoseStatus.Missed, Today, Today.AddDays(5)), Today).ShouldBeFalse();
        RegimenWords.CanRecordGiven(Dose(DoseStatus.Missed, Today, Today.AddDays(5))).ShouldBeTrue();
        RegimenWords.CanRecordGiven(Dose(DoseStatus.Cancelled, Today, Today.AddDays(5))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(RegimenStatus.Active, "Active")]
    [InlineData(RegimenStatus.Completed, "Completed")]
    [InlineData(RegimenStatus.Stopped, "Stopped")]
    public void RegimenStatus_InWords(RegimenStatus status, string words) => RegimenWords.RegimenStatusLabel(status).ShouldBe(words);
}
