namespace Academy.Core.Contracts;

/// <summary>An entry of the back-office menu; shown only to users holding its permission.</summary>
/// <remarks>Prefer <see cref="ForRoute"/>: the address then comes from the module's named route. <paramref name="Url"/> is
/// the address as written (kept for providers that still pass one); the menu resolves <see cref="RouteName"/> when set.</remarks>
public sealed record AdminMenuItem(string Text, string Url, string Permission, int Order = 0)
{
    /// <summary>The named route of the entry's page; when set, the menu takes the address from it.</summary>
    public string? RouteName { get; init; }

    public object? RouteValues { get; init; }

    public static AdminMenuItem ForRoute(string text, string routeName, string permission, int order = 0, object? routeValues = null) =>
        new(text, "", permission, order) { RouteName = routeName, RouteValues = routeValues };
}

/// <summary>Modules add their admin pages to the menu through this.</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}

/// <summary>A card on the back-office dashboard: a few figures and links a module wants to show.</summary>
public sealed record AdminDashboardCard(
    string Title,
    IReadOnlyList<AdminDashboardFact> Facts,
    IReadOnlyList<AdminDashboardLink> Links,
    int Order = 0);

public sealed record AdminDashboardFact(string Label, string Value);

/// <summary>A link on a dashboard card; prefer <see cref="ForRoute"/>, so the address comes from a named route.</summary>
public sealed record AdminDashboardLink(string Text, string Url, string? Note = null)
{
    /// <summary>The named route of the link's page; when set, the dashboard takes the address from it.</summary>
    public string? RouteName { get; init; }

    public object? RouteValues { get; init; }

    public static AdminDashboardLink ForRoute(string text, string routeName, object? routeValues = null, string? note = null) =>
        new(text, "", note) { RouteName = routeName, RouteValues = routeValues };
}

/// <summary>Modules contribute dashboard cards through this; the Admin module knows none of them.</summary>
public interface IAdminDashboardProvider
{
    /// <summary>The card for this user, or null when the user may not see it.</summary>
    Task<AdminDashboardCard?> GetCardAsync(System.Security.Claims.ClaimsPrincipal user);
}
