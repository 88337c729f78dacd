using FluentValidation;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>GET/PUT /api/patients/{id}/reminders: the patient's contact for reminders and consent (who recorded it, when).</summary>
/// <param name="Consent">Reminders go out: consent on file and not opted out since.</param>
/// <param name="ClinicSendsReminders">Whether the clinic has reminders switched on at all.</param>
public sealed record ReminderPreferencesDto(
    int PatientId, ReminderChannel Channel, bool Consent, DateOnly? ConsentOn, string? ConsentBy, DateOnly? OptedOutOn,
    string? Email, string? Phone, bool ClinicSendsReminders);

/// <summary>
/// <c>{"channel": "email|sms|none", "consent": true|false, "email"?, "phone"?}</c>. Email and phone, when given, replace the
/// ones on file (an empty string removes one). Consent true records today and the signed-in user; false records an opt-out.
/// </summary>
public sealed record ReminderPreferencesRequest
{
    public ReminderChannel? Channel { get; set; }

    public bool? Consent { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

public sealed class ReminderPreferencesValidator : AbstractValidator<ReminderPreferencesRequest>
{
    public ReminderPreferencesValidator()
    {
        RuleFor(r => r.Channel).NotNull().WithMessage("Choose how the patient wants reminders: email, text message or none.")
            .IsInEnum().WithMessage("Choose email, text message or none.");
        RuleFor(r => r.Consent).NotNull().WithMessage("Say whether the patient agreed to reminders.");
        RuleFor(r => r.Email).Must(UpdatePatientValidator.NoNul).WithMessage("The email address contains a NUL character, which cannot be stored.")
            .Must(e => e is null || e.Trim().Length <= Patient.MaxEmailLength).WithMessage($"The email address is at most {Patient.MaxEmailLength} characters.")
            .Must(e => string.IsNullOrWhiteSpace(e) || UpdatePatientValidator.IsEmail(e.Trim())).WithMessage("Enter an email address like name@example.org.");
        RuleFor(r => r.Phone).Must(UpdatePatientValidator.NoNul).WithMessage("The phone number contains a NUL character, which cannot be stored.")
            .Must(p => p is null || p.Trim().Length <= Patient.MaxPhoneLength).WithMessage($"The phone number is at most {Patient.MaxPhoneLength} characters.")
            .Must(p => string.IsNullOrWhiteSpace(p) || UpdatePatientValidator.IsPhone(p.Trim())).WithMessage("Enter a phone number: digits, spaces and + ( ) - . only, at least 3 digits.");
    }
}
