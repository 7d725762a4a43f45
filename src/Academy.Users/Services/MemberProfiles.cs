using System.Linq.Expressions;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>
/// Profiles for other modules: the account's name and organisation with the UserProfiles row beside it. Search finds
/// only profiles whose owner lets colleagues see them.
/// </summary>
public sealed class MemberProfiles(AcademyDbContext db, MemberProfiles.Queries queries) : IMemberProfiles
{
    /// <summary>
    /// The profile rows: an account, its organisation and its profile. An expression built once (a query written as LINQ
    /// builds its expression tree on every call), compiled into a function for the member search and into an EF compiled
    /// query for <see cref="GetManyAsync"/>.
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

    /// <summary>
    /// <see cref="AllRows"/> of a list of accounts as an EF compiled query (pages such as a topic ask for the authors of
    /// 50 posts many times per second). One instance per site: a compiled query belongs to one EF model.
    /// </summary>
    public sealed class Queries
    {
        public readonly Func<AcademyDbContext, string[], IAsyncEnumerable<ProfileRow>> RowsOfUsers = EF.CompileAsyncQuery(RowsOfUsersQuery());

        private static Expression<Func<AcademyDbContext, string[], IQueryable<ProfileRow>>> RowsOfUsersQuery()
        {
            var ids = Expression.Parameter(typeof(string[]), "ids");
            var row = Expression.Parameter(typeof(ProfileRow), "r");
            var listed = Expression.Lambda<Func<ProfileRow, bool>>(
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], ids, Expression.Property(row, nameof(ProfileRow.UserId))), row);
            var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ProfileRow)], AllRows.Body, Expression.Quote(listed));
            return Expression.Lambda<Func<AcademyDbContext, string[], IQueryable<ProfileRow>>>(where, AllRows.Parameters[0], ids);
        }
    }

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
        await foreach (var row in queries.RowsOfUsers(db, ids).WithCancellation(cancellationToken))
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
