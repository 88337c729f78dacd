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

    /// <summary>Intake and scheduling staff: patients, insurance, authorizations, orders, drug supply and bookings; no clinical actions.</summary>
    public const string Coordinator = "Coordinator";

    public static readonly string[] All = [Nurse, Coordinator, Manager, Admin];
}

/// <summary>
/// Who may do what (API.md "Roles"): everyone signed in reads; nurses and coordinators (and admins) manage patients'
/// records, insurance, authorizations, orders, drug supply and bookings (<see cref="Scheduling"/>); only nurses (and
/// admins) take clinical actions — enrolment, check-in, in-chair, completion, no-show, safety checks, doses given or
/// missed, monitoring (<see cref="Nursing"/>); managers (and admins) see capacity; admins change protocols, chairs,
/// clinic settings and users.
/// </summary>
public static class Policies
{
    public const string Read = "read";
    public const string Nursing = "nursing";

    /// <summary>Patients, coverage, authorizations, orders, drug supply and bookings (book, move, cancel): Nurse, Coordinator, Admin.</summary>
    public const string Scheduling = "scheduling";
    public const string Capacity = "capacity";
    public const string Admin = "admin";
}
