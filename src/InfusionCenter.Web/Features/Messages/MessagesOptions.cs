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

    /// <summary>
    /// The address patients reach this installation at (the confirm/cancel links and calendar feeds in messages start with
    /// it), e.g. "https://infusion.example-hospital.org".
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public static bool IsValid(MessagesOptions options) =>
        !string.IsNullOrWhiteSpace(options.UidDomain) && options.UidDomain.Length <= 200
        && options.UidDomain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
        && Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) && baseUrl.Scheme is "http" or "https";
}
