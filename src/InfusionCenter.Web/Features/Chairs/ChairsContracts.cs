using FluentValidation;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Chairs;

/// <summary>API.md chairs body: <c>{"name", "kind": "recliner"|"bed"|"privateRoom", "active"}</c> (also the admin form's model).</summary>
public sealed record ChairRequest
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public bool? Active { get; set; }
}

/// <summary>A chair as <c>GET /api/chairs</c> lists it: <c>{"id", "name", "kind", "active"}</c>.</summary>
public sealed record ChairDto(int Id, string Name, string Kind, bool Active);

/// <summary>The words of the chair rules, shared by the service (API) and the admin form.</summary>
public static class ChairMessages
{
    public const string NameMissing = "Give the chair a name (e.g. Chair 12).";
    public const string NameTooLong = "A chair name is at most 60 characters.";
    public const string KindUnknown = "Choose the kind: recliner, bed or private room.";

    /// <summary>The kinds as the API spells them, in the order the admin form lists them.</summary>
    public static readonly IReadOnlyList<(string Code, ChairKind Kind)> Kinds =
        [("recliner", ChairKind.Recliner), ("bed", ChairKind.Bed), ("privateRoom", ChairKind.PrivateRoom)];
}

/// <summary>The admin's "add a chair" form: a name and a kind.</summary>
public sealed class ChairRequestValidator : AbstractValidator<ChairRequest>
{
    public ChairRequestValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(ChairMessages.NameMissing)
            .Must(n => n!.Trim().Length <= 60).WithMessage(ChairMessages.NameTooLong);
        RuleFor(r => r.Kind).Must(k => ChairMessages.Kinds.Any(c => c.Code == k)).WithMessage(ChairMessages.KindUnknown);
    }
}
