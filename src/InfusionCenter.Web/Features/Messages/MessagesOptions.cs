namespace InfusionCenter.Web.Features.Messages;

/// <summary>Configuration section "Messages": what patients' calendar files and messages are stamped with.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>
    /// The right-hand side of every calendar UID ("appointment-42@<c>UidDomain</c>"): the installation's own domain, so two
    /// centres' appointments never collide in one patient's calendar. Change it only before the first message is sent.
    /// </summary>
    public string UidDomain { get; set; } = "infusioncenter.local";

    public static bool IsValid(MessagesOptions options) =>
        !string.IsNullOrWhiteSpace(options.UidDomain) && options.UidDomain.Length <= 200
        && options.UidDomain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
}
