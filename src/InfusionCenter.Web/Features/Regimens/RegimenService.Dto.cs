using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>What the API and the UI read of a regimen and its doses.</summary>
public sealed partial class RegimenService
{
    /// <param name="bsaChangeThreshold">The clinic's re-dose share: flags a BSA change (<paramref name="r"/> with its patient loaded).</param>
    internal static RegimenDto ToDto(Regimen r, decimal? bsaChangeThreshold = null)
    {
        var definition = ProtocolJson.Deserialize(r.ProtocolVersion!.DefinitionJson);
        return new RegimenDto(
            r.Id, r.PatientId, r.ProtocolVersion.Protocol!.Code, r.ProtocolVersion.Name, r.ProtocolVersion.Version, r.ProtocolVersion.Protocol.CurrentVersion,
            r.Start, r.Until, r.Bsa, r.PriorCumulativeMgPerM2, definition.CumulativeCapMgPerM2, r.Days,
            r.IntervalOverrideUnit == nameof(IntervalUnit.Weeks) ? r.IntervalOverrideValue : null,
            r.Status, r.StopReason, r.CreatedAt,
            r.Doses.OrderBy(d => d.Sequence).Select(d => ToDto(d, definition)).ToList(), definition.IsCourseSeries,
            r.StoppedOn, r.StoppedBy, r.StoppedBecause, r.DuplicateReason,
            bsaChangeThreshold is { } threshold ? BsaChangeOf(r, definition, threshold) : null);
    }

    internal static DoseDto ToDto(Dose d, ProtocolDefinition? definition = null) => new(
        d.Id, d.Sequence, d.TargetDate, d.Earliest, d.Latest, d.Amount, d.Unit, d.AmountPerM2, d.ChairMinutes, d.Course, d.DayInCourse,
        d.Label, d.Status, d.GivenOn, d.Warning, d.OptionCode,
        d.OptionCode is null ? null : definition?.OptionsForDose(d.Sequence).FirstOrDefault(o => o.Code == d.OptionCode)?.Name,
        d.OptionChosenBy, d.RebookReason);
}
