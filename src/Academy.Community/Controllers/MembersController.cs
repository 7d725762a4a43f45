using Academy.Community.Abstractions;
using Academy.Core.Security;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

public sealed record MembersPageModel(MemberSearch Search, MemberSearchResult Result, IReadOnlyList<OrganisationInfo> Organisations);

/// <summary>The member directory: professionals find colleagues of every partner organisation (only profiles their owner shows).</summary>
[RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
[Route("community/leden")]
public sealed class MembersController(IMemberProfiles profiles, IOrganisationDirectory organisations) : Controller
{
    public const int PageSize = 24;

    [HttpGet("", Name = CommunityRouteNames.Members)]
    public async Task<IActionResult> Index(string? naam, string? organisatie, string? functie, string? thema, int pagina = 1, CancellationToken cancellationToken = default)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 100)];
        var search = new MemberSearch(Clean(naam), Clean(organisatie), Clean(functie), Clean(thema), Math.Clamp(pagina, 1, 10_000), PageSize);
        var result = await profiles.SearchAsync(search, cancellationToken);
        return View(new MembersPageModel(search, result, (await organisations.ListAsync()).OrderBy(o => o.Name).ToList()));
    }
}
