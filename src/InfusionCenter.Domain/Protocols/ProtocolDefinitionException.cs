namespace InfusionCenter.Domain.Protocols;

/// <summary>Thrown when a calendar is asked of a protocol definition that breaks <see cref="ProtocolRules"/>.</summary>
public sealed class ProtocolDefinitionException(string? code, IReadOnlyList<ValidationError> errors)
    : DomainValidationException(Describe($"Protocol '{code}' is invalid", errors), errors)
{
    public string? Code { get; } = code;
}
