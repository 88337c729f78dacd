namespace InfusionCenter.Domain;

/// <summary>
/// One validation failure: <paramref name="Field"/> is a camelCase path as it appears in JSON or in
/// query parameters (for example <c>steps[1].dayOffset</c> or <c>bsa</c>), so the web layer can map it
/// straight into a ProblemDetails <c>errors</c> map.
/// </summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
