using InfusionCenter.Web.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

public sealed record TokenRequest(string? Email, string? Password);
