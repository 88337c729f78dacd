using MudBlazor;

namespace InfusionCenter.Web.Components.Layout;

/// <summary>The app's MudBlazor theme: the clinic blue of the header, readable type sizes on a tablet.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#2e9e8f",
            AppbarBackground = "#2f5d8a",
            AppbarText = "#ffffff",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2d3d",
            DrawerIcon = "#5b6b7d",
            TextPrimary = "#1f2d3d",
            TextSecondary = "#5b6b7d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Liberation Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px", AppbarHeight = "56px" },
    };
}
