namespace Academy.Core.Contracts;

/// <summary>An entry of the back-office menu; shown only to users holding its permission.</summary>
public sealed record AdminMenuItem(string Text, string Url, string Permission, int Order = 0);

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

public sealed record AdminDashboardLink(string Text, string Url, string? Note = null);

/// <summary>Modules contribute dashboard cards through this; the Admin module knows none of them.</summary>
public interface IAdminDashboardProvider
{
    /// <summary>The card for this user, or null when the user may not see it.</summary>
    Task<AdminDashboardCard?> GetCardAsync(System.Security.Claims.ClaimsPrincipal user);
}
