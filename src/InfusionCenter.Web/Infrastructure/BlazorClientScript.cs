#if EXTRACTED_BLAZOR_SCRIPT
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
#endif

namespace InfusionCenter.Web.Infrastructure;

/// <summary>
/// Serves Blazor's client script. Where the framework's own asset package is missing from the feed,
/// build/BlazorClientScript.targets copies the official runtime pack's
/// Microsoft.AspNetCore.Components.Endpoints.dll next to the app as blazor-client/components-endpoints.bin
/// (data, never loaded as code); the script is an embedded resource of it, read once and served here.
/// </summary>
public static class BlazorClientScript
{
    public static void MapBlazorClientScript(this IEndpointRouteBuilder endpoints)
    {
#if EXTRACTED_BLAZOR_SCRIPT
        var script = new Lazy<byte[]>(() => ReadEmbeddedResource(
            Path.Combine(AppContext.BaseDirectory, "blazor-client", "components-endpoints.bin"), "blazor.web.js"));
        endpoints.MapGet("/_framework/blazor.web.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(script.Value, "text/javascript");
        }).ExcludeFromDescription().AllowAnonymous();
#endif
    }

#if EXTRACTED_BLAZOR_SCRIPT
    internal static byte[] ReadEmbeddedResource(string assemblyPath, string nameSuffix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var resources = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.GetString(resource.Name).EndsWith(nameSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var reader = resources.GetReader((int)resource.Offset, resources.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        throw new InvalidOperationException($"No embedded resource *{nameSuffix} in {assemblyPath}");
    }
#endif
}
