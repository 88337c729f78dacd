namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// How a dose saves chair time (<see cref="Domain.Protocols.ChairTimeSavingKind"/>): <see cref="Shorter"/>, a shorter
/// administration option (ocrelizumab's shorter infusion against the standard one); <see cref="Sc"/>, a maintenance dose of a
/// shorter form of the same drug (with the default protocols: ocrelizumab under the skin, Ocrevus Zunovo, against the IV
/// maintenance infusion).
/// </summary>
public enum SavingWay
{
    Shorter,
    Sc,
}

/// <summary>
/// The chair time saved by one group of doses (given, booked or planned): how many doses each way and the hours they save.
/// </summary>
public sealed record SavedFigures(int ShorterDoses, double ShorterHours, int ScDoses, double ScHours)
{
    public static readonly SavedFigures Zero = new(0, 0, 0, 0);

    public int Doses => ShorterDoses + ScDoses;

    public double Hours => ShorterHours + ScHours;

    public static SavedFigures operator +(SavedFigures a, SavedFigures b) =>
        new(a.ShorterDoses + b.ShorterDoses, a.ShorterHours + b.ShorterHours, a.ScDoses + b.ScDoses, a.ScHours + b.ScHours);
}

/// <summary>Doses that saved chair time and the hours they saved.</summary>
public sealed record SavedCount(int Doses, double Hours)
{
    public static readonly SavedCount Zero = new(0, 0);
}

/// <summary>
/// One protocol's doses that saved chair time one way: <see cref="Protocol"/> (code) and <see cref="Name"/> (its drug, e.g.
/// "ocrelizumab (Ocrevus Zunovo)"), compared with <see cref="ComparedWith"/> (the protocol code of the baseline) and
/// <see cref="ComparedWithName"/> in words (the standard option's name, or the longer form's drug and brand).
/// </summary>
public sealed record SavedByProtocol(
    string Protocol, string Name, SavingWay Way, string ComparedWith, string ComparedWithName,
    SavedCount Given, SavedCount Booked, SavedCount Planned);

/// <summary>
/// API.md <c>GET /api/capacity/savings</c> (issue 14): chair time saved by shorter infusions and by subcutaneous doses in a
/// range of clinic-local days. <see cref="Given"/> and <see cref="Booked"/>: doses with an appointment in the range (on the
/// appointment's day; cancelled and no-shows left out), completed or not yet; <see cref="Planned"/>: doses due in the range
/// that are not booked yet, with the chair time of their current option (the forecast's view). First doses of a shorter form
/// are not counted (the subcutaneous first dose replaces the split IV start, not one maintenance infusion).
/// </summary>
public sealed record ChairTimeSaved(
    DateOnly From, DateOnly To, SavedFigures Given, SavedFigures Booked, SavedFigures Planned, IReadOnlyList<SavedByProtocol> ByProtocol)
{
    /// <summary>Given and booked together: the chair time the range's appointments save.</summary>
    public SavedFigures InRange => Given + Booked;
}
