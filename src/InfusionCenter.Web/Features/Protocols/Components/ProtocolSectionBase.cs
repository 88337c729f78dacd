using Microsoft.AspNetCore.Components;

namespace InfusionCenter.Web.Features.Protocols.Components;

/// <summary>
/// A part of the protocol editor: it edits <see cref="Form"/> in place, shows the Domain's messages for its paths
/// (<see cref="Errors"/>, keyed like the API's <c>maintenance.interval.value</c>) and reports every change so the page
/// re-validates and recomputes the preview.
/// </summary>
public abstract class ProtocolSectionBase : ComponentBase
{
    [Parameter, EditorRequired] public ProtocolForm Form { get; set; } = default!;

    [Parameter] public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    [Parameter] public EventCallback Changed { get; set; }

    protected Task OnChanged() => Changed.InvokeAsync();
}
