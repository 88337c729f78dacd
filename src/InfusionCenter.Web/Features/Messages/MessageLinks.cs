using System.Globalization;
using System.Security.Cryptography;
using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>What a confirm or cancel link carries once its signature and expiry have been checked.</summary>
public sealed record MessageLinkClaim(Guid LinkId, long MessageId, int AppointmentId, int CalendarSequence, MessageLinkAction Action);

/// <summary>
/// The confirm and cancel links in patient messages: signed (and sealed) by ASP.NET Core data protection (keys kept in
/// PostgreSQL, so every app instance reads every link) with their expiry inside, checked against the app's clock; each with its own id so it can be used once
/// (<see cref="MessageLinkUse"/>). A link names the message, the appointment and the calendar SEQUENCE it was written
/// for: a link from before a move is refused. It holds nothing about the patient.
/// </summary>
public sealed class MessageLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<MessagesOptions> options)
{
    public const string ConfirmPath = "/appointment/confirm";

    public const string CancelPath = "/appointment/cancel";

    private readonly IDataProtector protector = protection.CreateProtector("InfusionCenter.Messages.AppointmentLinks.v1");

    /// <summary>The token of a new link for <paramref name="message"/>, valid until <paramref name="expiresAt"/> (UTC).</summary>
    public string Token(OutboxMessage message, MessageLinkAction action, DateTime expiresAt)
    {
        var payload = string.Join('|', Guid.NewGuid().ToString("N"), message.Id.ToString(CultureInfo.InvariantCulture),
            message.AppointmentId.ToString(CultureInfo.InvariantCulture), message.CalendarSequence.ToString(CultureInfo.InvariantCulture), action.ToString(),
            DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture));
        return protector.Protect(payload);
    }

    /// <summary>The absolute address of a new link (the installation's public base address + the page + the token).</summary>
    public string Url(OutboxMessage message, MessageLinkAction action, DateTime expiresAt) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}{(action == MessageLinkAction.Confirm ? ConfirmPath : CancelPath)}/{Token(message, action, expiresAt)}";

    /// <summary>The link's claim, or null when the token is forged, damaged or expired (told apart by <paramref name="expired"/>).</summary>
    public MessageLinkClaim? Read(string? token, out bool expired)
    {
        expired = false;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 6 || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expiryTicks)
            || expiryTicks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        if (new DateTime(expiryTicks, DateTimeKind.Utc) <= clock.GetUtcNow().UtcDateTime)
        {
            expired = true;
            return null;
        }

        return Guid.TryParseExact(parts[0], "N", out var linkId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var appointmentId)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && Enum.TryParse<MessageLinkAction>(parts[4], out var action)
            ? new MessageLinkClaim(linkId, messageId, appointmentId, sequence, action)
            : null;
    }
}
