using System.Net;
using Academy.Core.Security;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Robustness.SiteEndpoint;

namespace Academy.Tests.Robustness;

/// <summary>
/// Every route of the site, from the endpoint data source, against the access rule it must have: a new route fails
/// this test until it is classified here, and a route whose authorization metadata differs from its rule fails too.
/// Then a visitor and a user of each recipe role request every route and get no more than the rule allows.
/// </summary>
public sealed class RouteRoleMatrixTests(RobustSite site) : IClassFixture<RobustSite>
{
    public static readonly string[] RecipeRoles = ["Beheerder", "Leercoördinator", "Trainer", "Professional", "Werkgever", "Gids"];

    private const string Accreditation = "ManageAccreditation";
    private const string Enrolments = "ManageEnrolments";
    private const string Offerings = "ManageOfferings";
    private const string OfferingsPublish = "ManageOfferings+PublishOfferings";
    private const string Employees = "ManageOwnEmployees";
    private const string Workflows = "ManageWorkflows";
    private const string Meldingen = "HandleMeldingen";
    private const string MeldingenDashboard = "ViewMeldingenDashboard";
    private const string Community = "TakePartInCommunity";
    private const string Moderate = "ModerateCommunity";
    private const string Members = "ManageMemberAccounts";
    private const string Werkcentrum = "ManageWerkcentrum";
    private const string Search = "ManageSearch";

    /// <summary>The rule of every route: public, logged-in, or the permissions it needs (all of them, joined by '+').</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["* /healthz"] = Public,
        ["* /fout/{code:int}"] = Public,
        ["GET /"] = Public,
        ["GET /{slug:pageslug}"] = Public,
        ["GET /account/inloggen"] = Public,
        ["POST /account/inloggen"] = Public,
        ["GET /account/uitloggen"] = Public,
        ["POST /account/uitloggen"] = Public,
        ["POST /account/overal-uitloggen"] = Public,
        ["GET /account/geen-toegang"] = Public,
        ["GET /account/wachtwoord-instellen"] = Public,
        ["GET /account/inloggen/tweestaps"] = Public,
        ["POST /account/inloggen/tweestaps"] = Public,
        ["POST /account/inloggen/tweestaps/herstelcode"] = Public,
        ["POST /account/wachtwoord-instellen"] = Public,
        ["GET /account/registreren"] = Public,
        ["POST /account/registreren"] = Public,
        ["GET /account/registreren/controleer-je-email"] = Public,
        ["GET /account/registreren/bevestigen"] = Public,
        ["POST /account/registreren/bevestigen"] = Public,
        ["GET /account/wachtwoord-vergeten"] = Public,
        ["POST /account/wachtwoord-vergeten"] = Public,
        ["GET /account/wachtwoord-vergeten/verstuurd"] = Public,
        ["GET /account/wachtwoord-herstellen"] = Public,
        ["POST /account/wachtwoord-herstellen"] = Public,
        ["GET /account/e-mail-wijzigen/bevestigen"] = Public,
        ["POST /account/e-mail-wijzigen/bevestigen"] = Public,
        ["GET /leeragenda"] = Public,
        ["GET /leeragenda.ics"] = Public,
        ["GET /leeragenda/{slug}"] = Public,
        ["GET /leeragenda/{slug}/bijeenkomsten/{sessionId}.ics"] = Public,
        ["GET /api/leeragenda"] = Public,
        ["GET /zoeken"] = Public,
        ["GET /zoeken/suggesties"] = Public,
        ["GET /api/zoeken"] = Public,
        ["GET /certificaat"] = Public,
        ["GET /certificaat/{code}"] = Public,
        ["GET /harrie"] = Public,
        ["POST /harrie"] = Public,
        ["GET /harrie/controleer-je-email"] = Public,
        ["GET /harrie/bevestigen/{token}"] = Public,
        ["POST /harrie/bevestigen/{token}"] = Public,
        ["GET /workflows/signaal"] = Public,
        ["POST /workflows/signaal"] = Public,
        ["GET /workflows/signaal/verwerkt"] = Public,
        ["GET /privacy"] = Public,
        ["GET /account-verwijderd"] = Public,
        ["GET /community"] = Public,
        ["GET /community/{group}"] = Public,
        ["GET /community/{group}/{topicId:long}"] = Public,
        ["GET /community/{group}/{topicId:long}/geschiedenis"] = Public,
        ["GET /community/afmelden/{code}"] = Public,
        ["POST /community/afmelden/{code}"] = Public,
        ["POST /community/afmelden/{code}/een-klik"] = Public,
        ["GET /community/kennisbank"] = Public,
        ["GET /community/{group}/kennisbank"] = Public,
        ["GET /community/kennisbank/{articleId:length(1,64)}"] = Public,
        ["GET /community/kennisbank/{articleId:length(1,64)}/bijlagen"] = Public,
        ["GET /community/{group}/bestanden"] = Public,
        ["GET /community/bestanden/{fileId:long}"] = Public,
        ["GET /werkcentrum"] = Public,
        ["GET /werkcentrum/{audience:regex(^(werkzoekenden|werkenden|werkgevers)$)}"] = Public,
        ["GET /werkcentrum/veelgestelde-vragen"] = Public,
        ["GET /werkcentrum/inlooppunten"] = Public,
        ["GET /werkcentrum/inlooppunten/{slug}"] = Public,
        ["GET /werkcentrum/nieuws"] = Public,
        ["GET /werkcentrum/nieuws/{slug}"] = Public,
        ["GET /werkcentrum/nieuws/rss.xml"] = Public,
        ["GET /werkcentrum/nieuws/atom.xml"] = Public,
        ["GET /toegankelijkheid"] = Public,
        ["GET /contact"] = Public,
        ["GET /sitemap.xml"] = Public,
        ["GET /robots.txt"] = Public,

        ["POST /aanmelden/{editionId}"] = LoggedIn,
        ["GET /mijn-aanmeldingen"] = LoggedIn,
        ["GET /account/wachtwoord-wijzigen"] = LoggedIn,
        ["POST /account/wachtwoord-wijzigen"] = LoggedIn,
        ["GET /account/e-mail-wijzigen"] = LoggedIn,
        ["POST /account/e-mail-wijzigen"] = LoggedIn,
        ["GET /mijn-aanmeldingen/{id:long}/annuleren"] = LoggedIn,
        ["POST /mijn-aanmeldingen/{id:long}/annuleren"] = LoggedIn,
        ["GET /mijn-aanmeldingen/{id:long}.ics"] = LoggedIn,
        ["GET /mijn-leeruren"] = LoggedIn,
        ["GET /mijn-leeruren/overzicht.pdf"] = LoggedIn,
        ["GET /mijn-leeruren/certificaten/{code}.pdf"] = LoggedIn,
        ["GET /mijn-registers"] = LoggedIn,
        ["POST /mijn-registers"] = LoggedIn,
        ["GET /account/tweestapsverificatie"] = LoggedIn,
        ["POST /account/tweestapsverificatie/inschakelen"] = LoggedIn,
        ["POST /account/tweestapsverificatie/herstelcodes"] = LoggedIn,
        ["POST /account/tweestapsverificatie/uitschakelen"] = LoggedIn,
        ["GET /meldingen"] = LoggedIn,
        ["GET /community/meldingen"] = LoggedIn,
        ["POST /community/meldingen/{id:long}/openen"] = LoggedIn,
        ["POST /community/meldingen/gelezen"] = LoggedIn,
        ["POST /community/meldingen/e-mail"] = LoggedIn,
        ["POST /meldingen/gelezen"] = LoggedIn,
        ["GET /mijn-profiel"] = LoggedIn,
        ["POST /mijn-profiel"] = LoggedIn,
        ["POST /mijn-profiel/foto-verwijderen"] = LoggedIn,
        ["GET /profielfoto/{userId:length(1,64)}/{size}"] = LoggedIn,
        ["GET /mijn-gegevens"] = LoggedIn,
        ["GET /mijn-gegevens/download"] = LoggedIn,
        ["POST /mijn-gegevens/verwijderen"] = LoggedIn,

        ["GET /presentie"] = "TakeAttendance",
        ["GET /presentie/{editionId}/{sessionId}"] = "TakeAttendance",
        ["POST /presentie/{editionId}/{sessionId}"] = "TakeAttendance",
        ["GET /presentie/{editionId}/{sessionId}/presentielijst.pdf"] = "TakeAttendance",

        ["GET /werkgever"] = Employees,
        ["GET /werkgever/deelnemers/{id:long}/vervangen"] = Employees,
        ["POST /werkgever/deelnemers/{id:long}/vervangen"] = Employees,
        ["GET /werkgever/deelnemers/{id:long}/afmelden"] = Employees,
        ["POST /werkgever/deelnemers/{id:long}/afmelden"] = Employees,
        ["POST /werkgever/collegas/koppelen"] = Employees,

        ["GET /community/leden"] = Community,
        ["GET /community/kennisbank/nieuw"] = Community,
        ["POST /community/kennisbank/nieuw"] = Community,
        ["GET /community/kennisbank/{articleId:length(1,64)}/bewerken"] = Community,
        ["POST /community/kennisbank/{articleId:length(1,64)}/bewerken"] = Community,
        ["POST /community/kennisbank/{articleId:length(1,64)}/verwijderen"] = Community,
        ["POST /community/kennisbank/{articleId:length(1,64)}/bijlagen"] = Community,
        ["POST /community/{group}/bestanden"] = Community,
        ["POST /community/bestanden/{fileId:long}/verwijderen"] = Community,
        ["POST /community/{group}/lid-worden"] = Community,
        ["POST /community/{group}/verlaten"] = Community,
        ["POST /community/{group}/volgen"] = Community,
        ["GET /community/{group}/nieuw"] = Community,
        ["POST /community/{group}/nieuw"] = Community,
        ["POST /community/{group}/{topicId:long}/reageren"] = Community,
        ["GET /community/{group}/{topicId:long}/bewerken"] = Community,
        ["POST /community/{group}/{topicId:long}/bewerken"] = Community,
        ["POST /community/{group}/{topicId:long}/nuttig"] = Community,
        ["POST /community/{group}/{topicId:long}/antwoord"] = Community,
        ["POST /community/{group}/{topicId:long}/status"] = Community,
        ["POST /community/{group}/{topicId:long}/volgen"] = Community,
        ["GET /community/{group}/beheer"] = Community,
        ["POST /community/{group}/beheer"] = Community,
        ["POST /community/{group}/beheer/leden"] = Community,
        ["POST /community/{group}/beheer/toevoegen"] = Community,
        ["GET /community/{group}/{topicId:long}/melden"] = LoggedIn,
        ["POST /community/{group}/{topicId:long}/melden"] = LoggedIn,
        ["GET /community/{group}/beheer/moderatie"] = Community,
        ["GET /community/{group}/beheer/moderatie/{topicId:long}"] = Community,
        ["POST /community/{group}/beheer/moderatie/{topicId:long}"] = Community,
        ["GET /admin/community/moderatie"] = Moderate,
        ["GET /admin/community"] = Moderate,
        ["POST /admin/community"] = Moderate,

        ["GET /admin"] = "AccessAdmin",
        ["GET /admin/inhoudstypes"] = "ViewContentTypes",
        ["GET /admin/achtergrond"] = "ManageSettings",
        ["GET /admin/toegankelijkheid"] = "ManageSettings",
        ["POST /admin/toegankelijkheid"] = "ManageSettings",
        ["POST /admin/achtergrond/gebeurtenissen/{id:long}/opnieuw"] = "ManageSettings",
        ["POST /admin/achtergrond/taken/{id:long}/opnieuw"] = "ManageSettings",
        ["GET /admin/e-mail"] = "ManageEmail",
        ["POST /admin/e-mail/{id:long}/opnieuw"] = "ManageEmail",
        ["GET /admin/gebruikers"] = "ManageUsers",
        ["GET /admin/organisaties"] = "ManageUsers",
        ["GET /admin/gebruikers/{id:length(1,64)}/verwijderen"] = "ManageUsers",
        ["POST /admin/gebruikers/{id:length(1,64)}/verwijderen"] = "ManageUsers",
        ["GET /admin/organisaties/{id}/domeinen"] = "ManageUsers",
        ["POST /admin/organisaties/{id}/domeinen"] = "ManageUsers",
        ["GET /admin/registraties"] = "ApproveRegistrations",
        ["POST /admin/registraties/{id}/goedkeuren"] = "ApproveRegistrations",
        ["POST /admin/registraties/{id}/afwijzen"] = "ApproveRegistrations",
        ["GET /admin/gebruikers"] = Members,
        ["GET /admin/gebruikers/{id}"] = Members,
        ["GET /admin/gebruikers/logboek"] = Members + "+ManageUsers",
        ["GET /admin/organisaties"] = Members + "+ManageUsers",
        ["GET /admin/gebruikers/uitnodigen"] = Members,
        ["POST /admin/gebruikers/uitnodigen"] = Members,
        ["POST /admin/gebruikers/{id}/rollen/toevoegen"] = Members,
        ["POST /admin/gebruikers/{id}/rollen/verwijderen"] = Members,
        ["POST /admin/gebruikers/{id}/blokkeren"] = Members,
        ["POST /admin/gebruikers/{id}/deblokkeren"] = Members,
        ["POST /admin/gebruikers/{id}/uitnodiging"] = Members,

        ["GET /admin/aanbod"] = Offerings,
        ["GET /admin/aanbod/nieuw"] = Offerings,
        ["GET /admin/aanbod/nieuw/{type}"] = Offerings,
        ["POST /admin/aanbod/nieuw/{type}"] = Offerings,
        ["GET /admin/aanbod/{id}"] = Offerings,
        ["POST /admin/aanbod/{id}"] = Offerings,
        ["GET /admin/aanbod/{id}/voorbeeld"] = Offerings,
        ["POST /admin/aanbod/{id}/publiceren"] = OfferingsPublish,
        ["POST /admin/aanbod/{id}/depubliceren"] = OfferingsPublish,
        ["GET /admin/aanbod/{id}/verwijderen"] = OfferingsPublish,
        ["POST /admin/aanbod/{id}/verwijderen"] = OfferingsPublish,
        ["POST /admin/aanbod/{id}/trainers/uitnodigen"] = Members + "+" + Offerings,

        ["GET /admin/aanmeldingen"] = Enrolments,
        ["GET /admin/aanmeldingen/groep/{editionId}"] = Enrolments,
        ["POST /admin/aanmeldingen/groep/{editionId}/toevoegen"] = Enrolments,
        ["GET /admin/aanmeldingen/groep/{editionId}/mailen"] = Enrolments,
        ["POST /admin/aanmeldingen/groep/{editionId}/mailen"] = Enrolments,
        ["GET /admin/aanmeldingen/groep/{editionId}/deelnemers.csv"] = Enrolments,
        ["GET /admin/aanmeldingen/groep/{editionId}/deelnemers.xlsx"] = Enrolments,
        ["GET /admin/aanmeldingen/aanmelding/{id:long}"] = Enrolments,
        ["POST /admin/aanmeldingen/aanmelding/{id:long}/verplaatsen"] = Enrolments,
        ["POST /admin/aanmeldingen/aanmelding/{id:long}/annuleren"] = Enrolments,
        ["POST /admin/aanmeldingen/aanmelding/{id:long}/goedkeuren"] = Enrolments,
        ["POST /admin/aanmeldingen/aanmelding/{id:long}/afwijzen"] = Enrolments,
        ["POST /admin/aanmeldingen/aanmelding/{id:long}/afgerond"] = Enrolments,
        ["GET /admin/harrie"] = Enrolments,
        ["POST /admin/harrie/contactpersonen/koppelen"] = Enrolments,
        ["POST /admin/harrie/contactpersonen/ontkoppelen"] = Enrolments,
        ["POST /admin/harrie/reserveringen/{id:length(1,32)}/vrijgeven"] = Enrolments,

        ["GET /admin/accreditatie"] = Accreditation,
        ["GET /admin/accreditatie/dashboard"] = Accreditation,
        ["GET /admin/accreditatie/registers"] = Accreditation,
        ["GET /admin/accreditatie/edities/{editionId}"] = Accreditation,
        ["GET /admin/accreditatie/edities/{editionId}/{registerId}.csv"] = Accreditation,
        ["GET /admin/accreditatie/edities/{editionId}/{registerId}.xlsx"] = Accreditation,
        ["GET /admin/accreditatie/edities/{editionId}/{registerId}/pe-online.txt"] = Accreditation,
        ["GET /admin/accreditatie/certificaten"] = Accreditation,
        ["GET /admin/accreditatie/certificaten/{id:long}"] = Accreditation,
        ["POST /admin/accreditatie/certificaten/{id:long}/intrekken"] = Accreditation,
        ["GET /admin/accreditatie/leeruren"] = Accreditation,
        ["POST /admin/accreditatie/leeruren/handmatig"] = Accreditation,
        ["GET /admin/accreditatie/leeruren/regel/{id:long}"] = Accreditation,
        ["POST /admin/accreditatie/leeruren/regel/{id:long}/terugdraaien"] = Accreditation,
        ["POST /admin/accreditatie/leeruren/persoon/{personId}/corrigeren"] = Accreditation,
        ["POST /admin/accreditatie/leeruren/persoon/{personId}/anonimiseren"] = Accreditation,
        ["GET /admin/presentie"] = Accreditation,
        ["GET /admin/presentie/{editionId}"] = Accreditation,
        ["GET /admin/presentie/{editionId}/{sessionId}"] = Accreditation,
        ["POST /admin/presentie/{editionId}/{sessionId}"] = Accreditation,
        ["GET /admin/presentie/{editionId}/{sessionId}/presentielijst.pdf"] = Accreditation,

        ["GET /werkcentrum/vraag"] = Public,
        ["POST /werkcentrum/vraag"] = Public,
        ["GET /werkcentrum/vraag/verstuurd"] = Public,
        ["GET /gids/meldingen"] = Meldingen,
        ["GET /gids/meldingen/{id:long}"] = Meldingen,
        ["POST /gids/meldingen/{id:long}/oppakken"] = Meldingen,
        ["POST /gids/meldingen/{id:long}/notitie"] = Meldingen,
        ["POST /gids/meldingen/{id:long}/doorverwijzen"] = Meldingen,
        ["POST /gids/meldingen/{id:long}/afsluiten"] = Meldingen,
        ["GET /admin/meldingen"] = MeldingenDashboard,
        ["GET /admin/meldingen/meldingen.csv"] = MeldingenDashboard,
        ["GET /admin/zoeken"] = Search,
        ["POST /admin/zoeken/opnieuw-opbouwen"] = Search,
        ["GET /admin/werkcentrum"] = Werkcentrum,
        ["GET /admin/werkcentrum/nieuw/{type}"] = Werkcentrum,
        ["POST /admin/werkcentrum/nieuw/{type}"] = Werkcentrum,
        ["GET /admin/werkcentrum/{id}"] = Werkcentrum,
        ["POST /admin/werkcentrum/{id}"] = Werkcentrum,
        ["POST /admin/werkcentrum/{id}/verwijderen"] = Werkcentrum,

        ["GET /admin/workflows"] = Workflows,
        ["GET /admin/workflows/nieuw"] = Workflows,
        ["POST /admin/workflows/nieuw"] = Workflows,
        ["GET /admin/workflows/{id}"] = Workflows,
        ["POST /admin/workflows/{id}"] = Workflows,
        ["POST /admin/workflows/{id}/status"] = Workflows,
        ["GET /admin/workflows/{id}/instanties"] = Workflows,
        ["GET /admin/workflows/instanties"] = Workflows,
        ["GET /admin/workflows/instanties/{instanceId:long}"] = Workflows,
        ["POST /admin/workflows/instanties/{instanceId:long}/opnieuw"] = Workflows,
    };

    [Fact]
    public void Every_route_is_classified_and_its_metadata_matches_the_rule()
    {
        var endpoints = SiteEndpoint.All(site.Factory.Services);
        var unclassified = endpoints.Where(e => !Rules.ContainsKey(e.Key)).Select(e => $"[\"{e.Key}\"] = \"{e.Rule}\",").ToList();
        Assert.True(unclassified.Count == 0, "Routes without a rule in the matrix (add them to Rules):\n" + string.Join('\n', unclassified));
        var stale = Rules.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist:\n" + string.Join('\n', stale));
        var wrong = endpoints.Where(e => Rules[e.Key] != e.Rule).Select(e => $"{e.Key}: rule {Rules[e.Key]}, metadata says {e.Rule}").ToList();
        Assert.True(wrong.Count == 0, "Routes whose authorization differs from the matrix:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task Visitors_and_every_recipe_role_get_no_more_than_each_rule_allows()
    {
        var factory = site.Factory;
        var granted = await RolePermissionsAsync(factory.Services);
        var browsers = new List<(string Who, Browser Browser, IReadOnlySet<string>? Permissions)> { ("bezoeker", AdminTestKit.Anonymous(factory), null) };
        foreach (var role in RecipeRoles)
        {
            browsers.Add((role, (await SiteUser.OfRoleAsync(factory, role)).Browser, granted[role]));
        }

        var violations = new List<string>();
        var checks = 0;
        foreach (var endpoint in SiteEndpoint.All(factory.Services).Where(e => Rules.ContainsKey(e.Key)))
        {
            var rule = Rules[endpoint.Key];
            var path = endpoint.Fill();
            foreach (var (who, browser, permissions) in browsers)
            {
                var allowed = rule == Public || (permissions is not null && (rule == LoggedIn || rule.Split('+').All(permissions.Contains)));
                // A permitted POST would act (log out, enrol, …); the matrix only checks that forbidden ones are stopped.
                if (allowed && endpoint.Method == "POST")
                {
                    continue;
                }
                var token = endpoint.Method == "POST" ? await browser.TokenAsync("/account/inloggen") : null;
                using var response = endpoint.Method == "POST"
                    ? await browser.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]))
                    : await browser.Client.GetAsync(path);
                checks++;
                // The access-denied page answers 403 by design; that is its own page, not a denial of it.
                var outcome = path == UsersStartup.AccessDeniedPath && response.StatusCode == HttpStatusCode.Forbidden ? "toegang" : Outcome(response);
                var expected = allowed ? "toegang" : permissions is null ? "inloggen" : "geen-toegang";
                if (allowed ? outcome != "toegang" : outcome != expected)
                {
                    violations.Add($"{endpoint.Method} {path} as {who} (rule {rule}): expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} of {checks} requests got more or less than their rule:\n" + string.Join('\n', violations));
        Assert.True(checks > 400, $"Only {checks} requests were checked.");
    }

    /// <summary>inloggen (sent to log in), geen-toegang (denied) or toegang (the route answered itself).</summary>
    private static string Outcome(HttpResponseMessage response)
    {
        if (SiteUser.IsLoginRedirect(response))
        {
            return "inloggen";
        }
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location == UsersStartup.AccessDeniedPath => "geen-toegang",
            HttpStatusCode.Unauthorized => "inloggen",
            HttpStatusCode.Forbidden => "geen-toegang",
            _ => "toegang",
        };
    }

    /// <summary>The permissions each recipe role grants, as the seeded site stores them.</summary>
    internal static async Task<Dictionary<string, IReadOnlySet<string>>> RolePermissionsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AcademyRole>>();
        var result = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var name in RecipeRoles)
        {
            var role = await roles.FindByNameAsync(name) ?? throw new InvalidOperationException($"The recipe has no role {name}.");
            result[name] = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaim.Type).Select(c => c.Value).ToHashSet();
        }
        return result;
    }
}
