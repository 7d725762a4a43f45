using System.Net;
using Academy.Core.Navigation;
using Academy.Pages.Services;
using Academy.Testing;
using Academy.Tests.Users;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Core;

/// <summary>The public menu comes from the modules' navigation providers; page slugs are checked against registered routes.</summary>
public class NavigationTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    private PageSlugConstraint Constraint()
    {
        _ = factory.Server;
        return ActivatorUtilities.CreateInstance<PageSlugConstraint>(factory.Services);
    }

    private IReadOnlyList<string> FirstSegmentsOfRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts.FirstOrDefault())
            .OfType<RoutePatternLiteralPart>().Select(p => p.Content).Distinct().ToList();

    /// <summary>The paths of the one-segment routes: what the page route /{slug} could shadow.</summary>
    private IReadOnlyList<string> OneSegmentRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments.Count == 1)
            .Select(e => e.RoutePattern.PathSegments[0].Parts.FirstOrDefault())
            .OfType<RoutePatternLiteralPart>().Select(p => p.Content).Distinct().ToList();

    [Fact]
    public void Every_one_segment_route_is_refused_as_a_page_slug()
    {
        var constraint = Constraint();
        var segments = OneSegmentRoutes();

        // The modules' own prefixes, including those the old hard-coded list missed.
        Assert.Superset(new HashSet<string> { "leeragenda", "admin", "account", "mijn-aanmeldingen", "mijn-leeruren", "mijn-registers",
            "presentie", "meldingen", "werkgever", "harrie", "certificaat", "workflows", "aanmelden", "healthz", "fout", "werkcentrum" },
            FirstSegmentsOfRoutes().ToHashSet());
        Assert.All(segments, segment => Assert.False(constraint.IsPageSlug(segment), $"'{segment}' is a route prefix but was accepted as a page slug"));
        Assert.All(PageSlugConstraint.HostPaths, path => Assert.False(constraint.IsPageSlug(path)));
    }

    [Theory]
    [InlineData("over-de-leeracademie")]
    public async Task A_page_slug_that_no_route_uses_is_accepted_and_served(string slug)
    {
        Assert.True(Constraint().IsPageSlug(slug));
        var response = await factory.CreateClient().GetAsync("/" + slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_module_prefix_is_not_answered_by_the_page_route()
    {
        // /harrie is the employer sign-up form, not a page called "harrie".
        var response = await factory.CreateClient().GetAsync("/harrie");
        var document = await UsersTestKit.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form[method=post]"));
    }

    [Fact]
    public void Every_menu_item_names_a_route_that_exists()
    {
        var menu = factory.Services.GetRequiredService<PublicMenu>();
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        Assert.NotEmpty(menu.Items);
        Assert.All(menu.Items, item => Assert.NotNull(links.GetPathByName(item.RouteName, item.RouteValues)));
    }

    [Fact]
    public void Menu_addresses_follow_the_sites_base_path_and_mark_the_current_page_under_it()
    {
        _ = factory.Server;
        var menu = factory.Services.GetRequiredService<PublicMenu>();
        MenuLink Leeragenda(string pathBase) => menu.For(new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            RequestServices = factory.Services,
            Request = { PathBase = pathBase, Path = "/leeragenda" },
        }, MenuArea.Main).Single(l => l.Text == "Leeragenda");

        // Addresses are kept per base path: the same item, asked under two, gets two.
        Assert.Equal(("/regio/leeragenda", true), (Leeragenda("/regio").Url, Leeragenda("/regio").Current));
        Assert.Equal(("/leeragenda", true), (Leeragenda("").Url, Leeragenda("").Current));
    }

    [Fact]
    public void The_variant_key_differs_exactly_when_the_menus_may_differ()
    {
        var menu = factory.Services.GetRequiredService<PublicMenu>();
        var gating = menu.Items.Select(i => i.Permission).OfType<string>().Distinct().ToList();
        System.Security.Claims.ClaimsPrincipal SignedIn(params string[] permissions) => new(new System.Security.Claims.ClaimsIdentity(
            permissions.Select(p => new System.Security.Claims.Claim(Academy.Core.Security.PermissionClaim.Type, p)).Append(new("sub", "x")), "test"));

        Assert.NotEmpty(gating);
        Assert.Equal("-", menu.VariantKey(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
        Assert.NotEqual("-", menu.VariantKey(SignedIn()));
        Assert.NotEqual(menu.VariantKey(SignedIn()), menu.VariantKey(SignedIn(gating[0])));
        // A permission no menu item asks for changes nothing.
        Assert.Equal(menu.VariantKey(SignedIn(gating[0])), menu.VariantKey(SignedIn(gating[0], "Niet.In.Een.Menu")));
    }

    [Fact]
    public async Task A_visitor_sees_the_public_menu_footer_and_feed_from_the_providers()
    {
        var response = await factory.CreateClient().GetAsync("/leeragenda");
        var document = await UsersTestKit.ParseAsync(response);

        var menu = document.QuerySelectorAll("nav.site-nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"), a.GetAttribute("aria-current"))).ToList();
        Assert.Equal(
            [("Leeragenda", "/leeragenda", "page"), ("Werkcentrum", "/werkcentrum", null), ("Stel je vraag", "/werkcentrum/vraag", null),
                ("Over de leeracademie", "/over-de-leeracademie", null), ("Community", "/community", null), ("Kennisbank", "/community/kennisbank", null), ("Inloggen", "/account/inloggen", null)],
            menu);
        var footer = document.QuerySelectorAll(".site-footer__links a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Agenda-abonnement (.ics)", "/leeragenda.ics"), ("Open data (JSON)", "/api/leeragenda"), ("Certificaat controleren", "/certificaat"),
            ("Toegankelijkheid", "/toegankelijkheid"), ("Privacy", "/privacy"), ("Contact", "/contact")], footer);
        Assert.Equal("/leeragenda.ics", document.QuerySelector("link[rel=alternate][type='text/calendar']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_admin_sees_the_signed_in_entries_the_permissions_allow()
    {
        var client = factory.CreateBrowserClient();
        var login = await UsersTestKit.LoginAsync(client, AcademyFactory.AdminEmail, AcademyFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var document = await UsersTestKit.ParseAsync(await client.GetAsync("/mijn-aanmeldingen"));
        var menu = document.QuerySelectorAll("nav.site-nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("aria-current"))).ToList();
        Assert.Contains(("Mijn aanmeldingen", "page"), menu);
        Assert.Contains(("Mijn leeruren", null), menu);
        Assert.Contains(("Beheer", null), menu);
        Assert.Equal(("Uitloggen", null), menu[^1]);
        Assert.DoesNotContain(menu, m => m.Item1 == "Inloggen");
    }
}
