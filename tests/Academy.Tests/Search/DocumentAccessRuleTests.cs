using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Search.Abstractions;

namespace Academy.Tests.Search;

/// <summary>The community's access rule for the search, cell by cell: never more open than the community's own pages.</summary>
public sealed class DocumentAccessRuleTests
{
    private static CommunityGroup Group(JoinPolicy join, AccessLevel access, GroupKind kind = GroupKind.Themagroep) =>
        new() { Id = 7, Slug = "g", Name = "G", JoinPolicy = join, Access = access, Kind = kind };

    private static Topic Topic(AccessLevel access, bool casus = false) => new() { Id = 3, GroupId = 7, Access = access, IsCasus = casus };

    public static TheoryData<JoinPolicy, AccessLevel, AccessLevel, SearchAccessLevel> TopicCells => new()
    {
        { JoinPolicy.Open, AccessLevel.Public, AccessLevel.Public, SearchAccessLevel.Public },
        { JoinPolicy.Open, AccessLevel.Public, AccessLevel.Professionals, SearchAccessLevel.LoggedIn },
        { JoinPolicy.Open, AccessLevel.Public, AccessLevel.Members, SearchAccessLevel.Restricted },
        // A topic is never more open than its group.
        { JoinPolicy.Open, AccessLevel.Professionals, AccessLevel.Public, SearchAccessLevel.LoggedIn },
        { JoinPolicy.Closed, AccessLevel.Members, AccessLevel.Public, SearchAccessLevel.Restricted },
        // A hidden group's content is for its members, whatever its levels say.
        { JoinPolicy.Hidden, AccessLevel.Public, AccessLevel.Public, SearchAccessLevel.Restricted },
        { JoinPolicy.Hidden, AccessLevel.Professionals, AccessLevel.Professionals, SearchAccessLevel.Restricted },
    };

    [Theory]
    [MemberData(nameof(TopicCells))]
    public void A_topic_is_found_by_whom_may_read_it(JoinPolicy join, AccessLevel groupAccess, AccessLevel topicAccess, SearchAccessLevel expected)
    {
        var access = CommunitySearch.TopicAccess(Group(join, groupAccess), Topic(topicAccess));

        Assert.Equal(expected, access.Level);
        Assert.Equal(expected == SearchAccessLevel.Restricted ? "community-group:7" : null, access.Key);
    }

    [Fact]
    public void Casuistiek_groups_and_casus_topics_are_for_members_only_even_when_public()
    {
        Assert.Equal(SearchAccess.Restricted("community-group:7"),
            CommunitySearch.TopicAccess(Group(JoinPolicy.Open, AccessLevel.Public, GroupKind.Casuistiek), Topic(AccessLevel.Public)));
        Assert.Equal(SearchAccess.Restricted("community-group:7"),
            CommunitySearch.TopicAccess(Group(JoinPolicy.Open, AccessLevel.Public), Topic(AccessLevel.Public, casus: true)));
    }

    [Fact]
    public void A_group_is_found_where_its_page_is_listed()
    {
        Assert.Equal(SearchAccess.Public, CommunitySearch.GroupAccess(Group(JoinPolicy.Open, AccessLevel.Public)));
        Assert.Equal(SearchAccess.LoggedIn, CommunitySearch.GroupAccess(Group(JoinPolicy.Closed, AccessLevel.Members)));
        Assert.Equal(SearchAccess.Restricted("community-group:7"), CommunitySearch.GroupAccess(Group(JoinPolicy.Hidden, AccessLevel.Public)));
    }
}
