namespace InfusionCenter.Web.Features.Chairs;

/// <summary>API.md chairs body: <c>{"name", "kind": "recliner"|"bed"|"privateRoom", "active"}</c> (also the admin form's model).</summary>
public sealed record ChairRequest
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public bool? Active { get; set; }
}
