using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

/// <summary>A staff account (email = user name). Patients never have accounts.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

public static class Roles
{
    public const string Nurse = "Nurse";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly string[] All = [Nurse, Manager, Admin];
}

/// <summary>
/// Who may do what (API.md "Roles"): everyone signed in reads; nurses (and admins) change patients,
/// regimens and appointments; managers (and admins) see capacity; admins change protocols, chairs,
/// clinic settings and users.
/// </summary>
public static class Policies
{
    public const string Read = "read";
    public const string Nursing = "nursing";
    public const string Capacity = "capacity";
    public const string Admin = "admin";
}
