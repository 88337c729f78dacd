namespace InfusionCenter.Web.Features.Auth;

public sealed record TokenRequest(string? Email, string? Password);
