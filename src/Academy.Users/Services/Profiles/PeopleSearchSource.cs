using System.Runtime.CompilerServices;
using Academy.Community.Abstractions;
using Academy.Core.Data;
using Academy.Leeragenda.Abstractions;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Profiles;

/// <summary>
/// People as search documents (kind mensen), for signed-in users only and only when the owner lets colleagues see the
/// profile: name, organisation, function and expertise themes. No e-mail address, no bio. A hit opens the member
/// directory on the person's name. Every change of a profile, its visibility or the account's erasure queues the
/// person again (<see cref="Changed"/>), in the transaction of the change.
/// </summary>
public sealed class PeopleSearchSource(AcademyDbContext db, IEnumerable<IThemeTaxonomy> themeTaxonomies, LinkGenerator links) : ISearchDocumentSource
{
    public const string Name = "people";

    public string Source => Name;

    /// <summary>Queues the person for the index; call it in the unit of work that changes the profile or the account.</summary>
    public static void Changed(ISearchIndexQueue queue, string userId) => queue.Changed(Name, LocalIdOf(userId));

    /// <summary>
    /// A person's id in the index and the shared task log: a hash of the account id, not the id itself, so that after an
    /// erasure neither the log nor an index holds anything of the account (the erasure's own task names the hash only).
    /// </summary>
    public static string LocalIdOf(string userId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..32].ToLowerInvariant();

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var themes = await ThemesAsync(cancellationToken);
        var rows = await Rows().OrderBy(r => r.UserId).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (ToDocument(row, themes) is { } document)
            {
                yield return document;
            }
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken)
    {
        // The hash cannot be queried: find the visible account it belongs to among their ids (a short list of strings).
        var visibleIds = await Rows().Select(r => r.UserId).ToListAsync(cancellationToken);
        if (visibleIds.FirstOrDefault(id => LocalIdOf(id) == localId) is not { } userId)
        {
            return null;
        }
        var row = await Rows().FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        return row is null ? null : ToDocument(row, await ThemesAsync(cancellationToken));
    }

    private IQueryable<PersonRow> Rows() =>
        from profile in db.Set<UserProfile>().AsNoTracking()
        where profile.VisibleToColleagues
        join user in db.Set<AcademyUser>() on profile.UserId equals user.Id
        join organisation in db.Set<Organisation>() on user.OrganisationId equals organisation.Id into organisations
        from organisation in organisations.DefaultIfEmpty()
        select new PersonRow
        {
            UserId = user.Id,
            DisplayName = user.DisplayName,
            OrganisationName = organisation == null ? null : organisation.Name,
            Function = profile.Function,
            Themes = profile.ExpertiseThemes,
            UpdatedUtc = profile.UpdatedUtc,
        };

    private SearchDocument? ToDocument(PersonRow row, IReadOnlyDictionary<string, string> themeNames)
    {
        if (string.IsNullOrWhiteSpace(row.DisplayName)
            || links.GetPathByName(CommunityRouteNames.Members, new { naam = row.DisplayName }) is not { } url)
        {
            return null;
        }
        var themes = row.Themes.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(t => themeNames.GetValueOrDefault(t, t)).ToList();
        var summary = string.Join(", ", new[] { row.Function, row.OrganisationName }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new SearchDocument(
            SearchDocumentIds.Of(Name, LocalIdOf(row.UserId)),
            SearchKinds.Person,
            row.DisplayName,
            SearchDocumentIds.Text(row.Function, row.OrganisationName, themes.Count == 0 ? null : "Expertise: " + string.Join(", ", themes)),
            url,
            SearchAccess.LoggedIn,
            summary.Length == 0 ? null : summary,
            UtcDates.AsUtc(row.UpdatedUtc));
    }

    private async Task<IReadOnlyDictionary<string, string>> ThemesAsync(CancellationToken cancellationToken) =>
        themeTaxonomies.FirstOrDefault() is { } taxonomy
            ? (await taxonomy.ThemesAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name)
            : new Dictionary<string, string>();

    /// <summary>Set by member initialisation, so EF can filter and sort on its properties.</summary>
    private sealed class PersonRow
    {
        public string UserId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? OrganisationName { get; init; }
        public string? Function { get; init; }
        public string Themes { get; init; } = "";
        public DateTime UpdatedUtc { get; init; }
    }
}
