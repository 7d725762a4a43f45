namespace Academy.Community.Abstractions;

/// <summary>The Community module's permissions, for other modules' checks and recipes.</summary>
public static class CommunityPermissionNames
{
    /// <summary>Read the community's pages for professionals, join groups, post and use the member directory.</summary>
    public const string TakePartInCommunity = "TakePartInCommunity";

    /// <summary>See and manage every group and post (Beheerder, Leercoördinator).</summary>
    public const string ModerateCommunity = "ModerateCommunity";
}

/// <summary>Route names of the Community module that other modules may link to.</summary>
public static class CommunityRouteNames
{
    public const string Groups = "Community.Groups.Index";

    /// <summary>Route value <c>group</c>: the group's slug.</summary>
    public const string Group = "Community.Groups.Show";

    /// <summary>Route values <c>group</c> and <c>topicId</c>.</summary>
    public const string Topic = "Community.Topics.Show";

    public const string Members = "Community.Members.Index";
}
