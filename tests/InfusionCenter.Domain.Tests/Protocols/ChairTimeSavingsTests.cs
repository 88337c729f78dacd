using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Protocols;

/// <summary>
/// Issue 14: chair time saved per dose by ocrelizumab's shorter infusion and by subcutaneous ocrelizumab, decided from the
/// protocol data. Hand-checked numbers: standard 45 + 210 + 60 = 315 min, shorter 45 + 120 + 60 = 225 min (saves 90);
/// Ocrevus Zunovo first injection 30 + 10 + 60 = 100 min, later ones 30 + 10 + 15 = 55 min (saves 315 − 55 = 260).
/// </summary>
public class ChairTimeSavingsTests
{
    private static readonly ChairTimeSavings _defaults = new(DefaultProtocols.All);

    private static readonly ProtocolDefinition _iv = DefaultProtocols.Ocrelizumab;

    private static readonly ProtocolDefinition _sc = DefaultProtocols.OcrelizumabSc;

    [Fact]
    public void ShorterInfusion_MaintenanceDose_Saves90MinutesAgainstTheStandardOption()
    {
        var saving = _defaults.For(_iv, 3, "shorter", 225);

        saving.ShouldBe(new ChairTimeSaving(ChairTimeSavingKind.ShorterOption, 315, 225, "ocrelizumab", "standard"));
        saving.SavedMinutes.ShouldBe(90);
    }

    [Fact]
    public void StandardInfusion_AndLoadingDoses_SaveNothing()
    {
        _defaults.For(_iv, 3, "standard", 315).ShouldBe(ChairTimeSaving.None(315));
        _defaults.For(_iv, 1, null, 255).SavedMinutes.ShouldBe(0);
        _defaults.For(_iv, 2, null, 255).Kind.ShouldBe(ChairTimeSavingKind.None);
        _defaults.For(_iv, 4, null, 315).Kind.ShouldBe(ChairTimeSavingKind.None); // no eligible option: the rule's own chair time
    }

    [Fact]
    public void ShorterOption_TakesTheOptionsChairTime_NotAStaleDoseFigure()
    {
        _defaults.For(_iv, 5, "shorter", 315).SavedMinutes.ShouldBe(90);
    }

    [Fact]
    public void UnknownOptionCode_IsComparedWithNothing()
    {
        _defaults.For(_iv, 3, "overnight", 200).ShouldBe(ChairTimeSaving.None(200));
    }

    [Fact]
    public void SubcutaneousMaintenanceDose_Saves260MinutesAgainstTheIvMaintenanceInfusion()
    {
        var saving = _defaults.For(_sc, 2, null, 55);

        saving.ShouldBe(new ChairTimeSaving(ChairTimeSavingKind.ShorterForm, 315, 55, "ocrelizumab", "standard"));
        saving.SavedMinutes.ShouldBe(260);
        _defaults.For(_sc, 7, null, 55).SavedMinutes.ShouldBe(260);
    }

    [Fact]
    public void SubcutaneousFirstDose_IsComparedWithNothing()
    {
        _defaults.For(_sc, 1, null, 100).ShouldBe(ChairTimeSaving.None(100));
    }

    [Fact]
    public void Biosimilar_WithTheSameChairTime_SavesNothing_EitherWay()
    {
        _defaults.For(DefaultProtocols.NatalizumabSztn, 2, null, 120).Kind.ShouldBe(ChairTimeSavingKind.None);
        _defaults.For(DefaultProtocols.Natalizumab, 2, null, 120).Kind.ShouldBe(ChairTimeSavingKind.None);
    }

    [Fact]
    public void DrugsWithOneProtocol_AndCourseSeries_SaveNothing()
    {
        _defaults.For(DefaultProtocols.Ublituximab, 3, null, 105).Kind.ShouldBe(ChairTimeSavingKind.None);
        _defaults.For(DefaultProtocols.Alemtuzumab, 2, null, 360).Kind.ShouldBe(ChairTimeSavingKind.None);
    }

    [Fact]
    public void Baseline_IsTheLongestCurrentProtocolOfTheSameGenericName_WhateverItsCodeOrRoute()
    {
        // An edited IV protocol under another code, with a 4 h maintenance visit and no options: 240 − 55 = 185.
        var longIv = _iv with
        {
            Code = "ocre-iv-local",
            Drug = new Drug(" Ocrelizumab ", "Ocrevus"),
            Maintenance = _iv.Maintenance! with { ChairTime = new ChairTime(30, 150, 60), Options = [] },
        };
        var savings = new ChairTimeSavings([longIv, _sc]);

        savings.For(_sc, 2, null, 55).ShouldBe(new ChairTimeSaving(ChairTimeSavingKind.ShorterForm, 240, 55, "ocre-iv-local"));
        savings.For(_sc, 2, null, 55).SavedMinutes.ShouldBe(185);
    }

    [Fact]
    public void WithoutALongerFormInUse_ASubcutaneousDoseSavesNothing()
    {
        new ChairTimeSavings([_sc]).For(_sc, 2, null, 55).Kind.ShouldBe(ChairTimeSavingKind.None);
    }

    [Fact]
    public void LongestOption_IsTheBaseline_WhateverItsPlaceInTheList()
    {
        var reordered = _iv with { Maintenance = _iv.Maintenance! with { Options = [.. _iv.Maintenance.Options.Reverse()] } };

        new ChairTimeSavings([reordered]).For(reordered, 3, "shorter", 225)
            .ShouldBe(new ChairTimeSaving(ChairTimeSavingKind.ShorterOption, 315, 225, "ocrelizumab", "standard"));
        ChairTimeSavings.MaintenanceBaseline(reordered).ShouldBe((315, "standard"));
        ChairTimeSavings.MaintenanceBaseline(_sc).ShouldBe((55, null));
        ChairTimeSavings.MaintenanceBaseline(DefaultProtocols.Alemtuzumab).ShouldBeNull();
    }
}
