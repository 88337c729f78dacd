using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// The 409 for a second active regimen on the same drug (API.md "Lifecycles"), marked so that the enrol dialog can offer
/// to confirm it with a reason; any other conflict is only shown. The API answers it like every conflict.
/// </summary>
public static class DuplicateRegimen
{
    private const string Key = "regimen-conflict";

    public static ConflictException Conflict(string detail)
    {
        var conflict = new ConflictException(detail);
        conflict.Data[Key] = "duplicate";
        return conflict;
    }

    /// <summary>True when <paramref name="exception"/> is the refusal of a second active regimen on the same drug.</summary>
    public static bool Is(Exception exception) => exception is ConflictException && exception.Data[Key] is "duplicate";
}
