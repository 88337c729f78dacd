namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// Clinic settings for dosing (appsettings section <c>Dosing</c>). <see cref="BsaChangeThreshold"/>: how far (a share of the
/// dosed BSA, up or down) a patient's BSA may move before the doses still to give are flagged for re-dosing.
/// </summary>
public sealed class DosingOptions
{
    public const string Section = "Dosing";

    /// <summary>0.10 = flag when the BSA moved by more than 10 % since the regimen's amounts were calculated.</summary>
    public decimal BsaChangeThreshold { get; set; } = 0.10m;

    /// <summary>The threshold in words: "10 %".</summary>
    public string ThresholdText => $"{BsaChangeThreshold * 100m:0.#} %";

    internal static bool IsValid(DosingOptions options) => options.BsaChangeThreshold is > 0m and < 1m;
}
