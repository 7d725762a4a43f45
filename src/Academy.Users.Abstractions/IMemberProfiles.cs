namespace Academy.Users.Abstractions;

/// <summary>
/// A person's public-facing profile for other modules (community member directory, author names, avatars).
/// <see cref="VisibleToColleagues"/> is the owner's choice; <see cref="IMemberProfiles.SearchAsync"/> returns only those.
/// </summary>
public sealed record MemberProfile(
    string UserId,
    string DisplayName,
    string? OrganisationId,
    string? OrganisationName,
    string? Function,
    string? Bio,
    IReadOnlyList<string> ExpertiseThemes,
    bool VisibleToColleagues,
    bool HasPhoto)
{
    /// <summary>Changes with every upload; put it in the photo's address (route value <c>v</c>) so browsers may cache it for good.</summary>
    public string? PhotoVersion { get; init; }

    /// <summary>Up to two letters for the avatar shown when there is no photo: first and last capitalised word
    /// ("Jan van den Berg" gives "JB"; tussenvoegsels are skipped).</summary>
    public string Initials
    {
        get
        {
            var words = DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).ToList();
            return words.Count switch
            {
                0 => DisplayName.Length > 0 ? DisplayName[..1].ToUpperInvariant() : "?",
                1 => words[0][..1],
                _ => string.Concat(words[0][..1], words[^1][..1]),
            };
        }
    }
}

/// <summary>Filters of the member directory; empty values do not filter.</summary>
public sealed record MemberSearch(string? Text = null, string? OrganisationId = null, string? Function = null,
    string? Theme = null, int Page = 1, int PageSize = 24);

public sealed record MemberSearchResult(IReadOnlyList<MemberProfile> Members, int Total);

/// <summary>Profiles for other modules (the Users module provides it).</summary>
public interface IMemberProfiles
{
    Task<MemberProfile?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The profiles of these accounts (an id may come more than once), by account id; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, MemberProfile>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>Only profiles whose owner lets colleagues see them.</summary>
    Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken = default);
}

/// <summary>Route names the Users module registers for other modules' links.</summary>
public static class UsersRouteNames
{
    /// <summary>A profile photo: route values <c>userId</c> and <c>size</c> ("s" 48 px, "m" 128 px, "l" 320 px).</summary>
    public const string ProfilePhoto = "Users.Profile.Photo";

    /// <summary>The signed-in user's own profile form.</summary>
    public const string MyProfile = "Users.Profile.Edit";

    /// <summary>The privacy statement.</summary>
    public const string PrivacyStatement = "Users.Privacy.Statement";

    /// <summary>The admin page that erases an account on request: route value <c>id</c>.</summary>
    public const string EraseUser = "Users.Privacy.EraseUser";

    /// <summary>The photo sizes in pixels (square) by route value <c>size</c>.</summary>
    public static readonly IReadOnlyDictionary<string, int> PhotoSizes = new Dictionary<string, int> { ["s"] = 48, ["m"] = 128, ["l"] = 320 };
}
