using System.Linq.Expressions;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>
/// Profiles for other modules: the account's name and organisation with the UserProfiles row beside it. Search finds
/// only profiles whose owner lets colleagues see them.
/// </summary>
public sealed class MemberProfiles(AcademyDbContext db) : IMemberProfiles
{
    /// <summary>
    /// The profile rows: an account, its organisation and its profile. An expression built once (a query written as LINQ
    /// builds its expression tree on every call), compiled into a function for the member search and <see cref="GetManyAsync"/>.
    /// </summary>
    private static readonly Expression<Func<AcademyDbContext, IQueryable<ProfileRow>>> AllRows = db =>
        from user in db.Set<AcademyUser>().AsNoTracking()
        join organisation in db.Set<Organisation>() on user.OrganisationId equals organisation.Id into organisations
        from organisation in organisations.DefaultIfEmpty()
        join profile in db.Set<UserProfile>() on user.Id equals profile.UserId into profiles
        from profile in profiles.DefaultIfEmpty()
        select new ProfileRow
        {
            UserId = user.Id,
            DisplayName = user.DisplayName,
            OrganisationId = user.OrganisationId,
            OrganisationName = organisation == null ? null : organisation.Name,
            Function = profile == null ? null : profile.Function,
            Bio = profile == null ? null : profile.Bio,
            Themes = profile == null ? "" : profile.ExpertiseThemes,
            Visible = profile != null && profile.VisibleToColleagues,
            PhotoVersion = profile == null ? null : profile.PhotoVersion,
        };

    private static readonly Func<AcademyDbContext, IQueryable<ProfileRow>> RowsOf = AllRows.Compile();

    public async Task<MemberProfile?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    public async Task<IReadOnlyDictionary<string, MemberProfile>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToArray();
        var profiles = new Dictionary<string, MemberProfile>(ids.Length);
        if (ids.Length == 0)
        {
            return profiles;
        }
        // EF.Parameter: the list is one parameter (json_each on SQLite, ANY on PostgreSQL), so the SQL is the same for
        // every list and made once. As a list of parameters it was made and prepared anew for each topic page.
        await foreach (var row in Rows().Where(r => EF.Parameter(ids).Contains(r.UserId)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            profiles[row.UserId] = ToProfile(row);
        }
        return profiles;
    }

    public async Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken = default)
    {
        var query = Rows().Where(r => r.Visible);
        if (Clean(search.Text) is { } text)
        {
            var pattern = "%" + Escape(text.ToLowerInvariant()) + "%";
            query = query.Where(r => EF.Functions.Like(r.DisplayName.ToLower(), pattern, "\\")
                || (r.OrganisationName != null && EF.Functions.Like(r.OrganisationName.ToLower(), pattern, "\\"))
                || (r.Function != null && EF.Functions.Like(r.Function.ToLower(), pattern, "\\")));
        }
        if (Clean(search.OrganisationId) is { } organisation)
        {
            query = query.Where(r => r.OrganisationId == organisation);
        }
        if (Clean(search.Function) is { } function)
        {
            var pattern = "%" + Escape(function.ToLowerInvariant()) + "%";
            query = query.Where(r => r.Function != null && EF.Functions.Like(r.Function.ToLower(), pattern, "\\"));
        }
        if (Clean(search.Theme) is { } theme && !theme.Contains('|'))
        {
            var pattern = "%|" + Escape(theme) + "|%";
            query = query.Where(r => EF.Functions.Like(r.Themes, pattern, "\\"));
        }
        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(search.PageSize, 1, 100);
        var page = Math.Max(search.Page, 1);
        var rows = await query.OrderBy(r => r.DisplayName).ThenBy(r => r.UserId)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new MemberSearchResult(rows.Select(ToProfile).ToList(), total);
    }

    private IQueryable<ProfileRow> Rows() => RowsOf(db);

    private static MemberProfile ToProfile(ProfileRow r) =>
        new(r.UserId, r.DisplayName, r.OrganisationId, r.OrganisationName, r.Function, r.Bio,
            r.Themes.Split('|', StringSplitOptions.RemoveEmptyEntries), r.Visible, r.PhotoVersion is not null)
        {
            PhotoVersion = r.PhotoVersion,
        };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public sealed class ProfileRow
    {
        public string UserId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? OrganisationId { get; init; }
        public string? OrganisationName { get; init; }
        public string? Function { get; init; }
        public string? Bio { get; init; }
        public string Themes { get; init; } = "";
        public bool Visible { get; init; }
        public string? PhotoVersion { get; init; }
    }
}
