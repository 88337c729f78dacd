namespace InfusionCenter.Domain.Protocols;

public sealed record Drug(string GenericName, string? BrandName = null)
{
    public override string ToString() => BrandName is null ? GenericName : $"{GenericName} ({BrandName})";
}
