using System.Security.Claims;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Core.Navigation;

/// <summary>Where a public navigation item is shown: the main menu, the footer, or a feed link in the page head.</summary>
public enum MenuArea
{
    Main,
    Footer,
    /// <summary>A <c>&lt;link rel="alternate"&gt;</c> in the head; <see cref="PublicMenuItem.MediaType"/> says what it is.</summary>
    Feed,
    /// <summary>The back office's start page (the admin theme's brand link and first menu entry).</summary>
    AdminHome,
    /// <summary>Where a signed-in user signs out (the admin theme posts its sign-out button there).</summary>
    SignOut,
    /// <summary>Where the search box in the site header sends its text (GET, query key "q"); no entry, no box.</summary>
    SiteSearch,
    /// <summary>Suggestions while typing in the header's search box (GET "q", an HTML fragment of links for htmx).</summary>
    SiteSearchSuggestions,
}

/// <summary>Who sees an item.</summary>
public enum MenuAudience
{
    Everyone,
    Anonymous,
    SignedIn,
}

/// <summary>
/// An entry of the public navigation, pointing at a named route of the module that registers it. The theme lays the
/// entries out without knowing a module's route or permission.
/// </summary>
public sealed record PublicMenuItem(string Text, string RouteName, int Order, MenuArea Area = MenuArea.Main)
{
    public MenuAudience Audience { get; init; } = MenuAudience.Everyone;

    /// <summary>Shown only to users holding this permission (implies signed in).</summary>
    public string? Permission { get; init; }

    public object? RouteValues { get; init; }

    /// <summary>Whether the item is marked aria-current="page" while the visitor is on (or under) its address.</summary>
    public bool MarkCurrent { get; init; } = true;

    public string? MediaType { get; init; }
}

/// <summary>Modules add their public pages to the site's navigation through this (as <c>IAdminMenuProvider</c> does for the back office).</summary>
public interface IPublicMenuProvider
{
    IEnumerable<PublicMenuItem> GetItems();
}

/// <summary>A navigation entry ready for the theme: text, address and whether it is the current page.</summary>
public sealed record MenuLink(string Text, string Url, bool Current, string? MediaType);

/// <summary>Builds the public navigation for a request from every registered provider.</summary>
public sealed class PublicMenu(IEnumerable<IPublicMenuProvider> providers, LinkGenerator links)
{
    private readonly IReadOnlyList<PublicMenuItem> _items =
        providers.SelectMany(p => p.GetItems()).OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal).ToList();

    private IReadOnlyList<string>? _gatingPermissions;

    // Every page asks for five areas; each looks only at its own items (and their permission claims).
    private Dictionary<MenuArea, PublicMenuItem[]>? _byArea;

    // An item's address depends only on its route and the site's base path (no ambient values of the request), so it is
    // made once: generating the menus' links was a noticeable part of every page.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(PublicMenuItem Item, string PathBase), string> _urls = new();

    /// <summary>The permissions that gate an item, in a fixed order (<see cref="VariantKey"/>).</summary>
    private IReadOnlyList<string> GatingPermissions => _gatingPermissions ??=
        _items.Select(i => i.Permission).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>All registered items (for tests and diagnostics).</summary>
    public IReadOnlyList<PublicMenuItem> Items => _items;

    /// <summary>
    /// What the menus of a request depend on besides its address: "-" for a visitor, otherwise "+" and one flag per
    /// permission that shows or hides an item. Requests with the same address and key get the same menus, so a page
    /// cached for one signed-in person may be served to another with the same key (and the same access to the content).
    /// </summary>
    public string VariantKey(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return "-";
        }
        var permissions = GatingPermissions;
        var flags = new char[permissions.Count + 1];
        flags[0] = '+';
        for (var i = 0; i < permissions.Count; i++)
        {
            flags[i + 1] = user.HasClaim(PermissionClaim.Type, permissions[i]) ? '1' : '0';
        }
        return new string(flags);
    }

    private string Url(PublicMenuItem item, PathString pathBase) => _urls.GetOrAdd((item, pathBase.Value ?? ""), key =>
        links.GetPathByName(key.Item.RouteName, key.Item.RouteValues, new PathString(key.PathBase))
            ?? throw new InvalidOperationException($"The menu item '{key.Item.Text}' names the route '{key.Item.RouteName}', which does not exist."));

    public IReadOnlyList<MenuLink> For(HttpContext context, MenuArea area)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var result = new List<MenuLink>();
        // The addresses include the site's base path, the request's Path does not.
        var requested = context.Request.PathBase.Add(context.Request.Path);
        _byArea ??= _items.GroupBy(i => i.Area).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var item in _byArea.GetValueOrDefault(area, []))
        {
            var visible = item.Audience switch
            {
                MenuAudience.Anonymous => !signedIn,
                MenuAudience.SignedIn => signedIn,
                _ => true,
            };
            if (!visible || (item.Permission is not null && !(signedIn && user.HasClaim(PermissionClaim.Type, item.Permission))))
            {
                continue;
            }
            var url = Url(item, context.Request.PathBase);
            var current = area == MenuArea.Main && item.MarkCurrent && requested.StartsWithSegments(new PathString(url));
            result.Add(new MenuLink(item.Text, url, current, item.MediaType));
        }
        return result;
    }
}

public static class PublicMenuServiceCollectionExtensions
{
    /// <summary>Registers a module's public navigation entries.</summary>
    public static IServiceCollection AddPublicMenu<T>(this IServiceCollection services) where T : class, IPublicMenuProvider
    {
        services.TryAddSingleton<PublicMenu>();
        return services.AddSingleton<IPublicMenuProvider, T>();
    }
}

public static class AdminMenuExtensions
{
    /// <summary>The back-office menu entries <paramref name="user"/> holds the permission for, in menu order, so an
    /// admin theme lays out the menu without checking permissions itself.</summary>
    public static IReadOnlyList<Academy.Core.Contracts.AdminMenuItem> VisibleTo(
        this IEnumerable<Academy.Core.Contracts.IAdminMenuProvider> providers, System.Security.Claims.ClaimsPrincipal user) =>
        providers.SelectMany(p => p.GetItems())
            .Where(i => user.HasClaim(PermissionClaim.Type, i.Permission))
            .OrderBy(i => i.Order).ThenBy(i => i.Text).ToList();

    /// <summary>As <see cref="VisibleTo(IEnumerable{Academy.Core.Contracts.IAdminMenuProvider}, System.Security.Claims.ClaimsPrincipal)"/>
    /// for the request's user, with each entry's address taken from its named route.</summary>
    public static IReadOnlyList<Academy.Core.Contracts.AdminMenuItem> VisibleTo(
        this IEnumerable<Academy.Core.Contracts.IAdminMenuProvider> providers, HttpContext context)
    {
        var links = context.RequestServices.GetRequiredService<LinkGenerator>();
        return providers.VisibleTo(context.User)
            .Select(i => i.RouteName is null ? i : i with
            {
                Url = links.GetPathByName(context, i.RouteName, i.RouteValues)
                    ?? throw new InvalidOperationException($"The admin menu item '{i.Text}' names the route '{i.RouteName}', which does not exist."),
            })
            .ToList();
    }
}
