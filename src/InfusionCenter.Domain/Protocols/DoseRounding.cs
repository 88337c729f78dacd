namespace InfusionCenter.Domain.Protocols;

public enum DoseRoundingMode
{
    /// <summary>Nearest multiple of the increment; halves round away from zero.</summary>
    Nearest,
    Down,
    Up,
}

/// <summary>How a computed dose is rounded (default: nearest 0.1 mg).</summary>
public sealed record DoseRounding(decimal Increment = 0.1m, DoseRoundingMode Mode = DoseRoundingMode.Nearest)
{
    public static DoseRounding Default { get; } = new();

    public decimal Apply(decimal amount)
    {
        var steps = amount / Increment;
        steps = Mode switch
        {
            DoseRoundingMode.Down => decimal.Floor(steps),
            DoseRoundingMode.Up => decimal.Ceiling(steps),
            _ => decimal.Round(steps, 0, MidpointRounding.AwayFromZero),
        };
        return steps * Increment;
    }
}
