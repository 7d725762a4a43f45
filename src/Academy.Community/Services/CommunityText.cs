using Academy.Community.Models;

namespace Academy.Community.Services;

/// <summary>The Dutch words for the community's settings, one place for every page.</summary>
public static class CommunityText
{
    /// <summary>"1 lid", "12 leden".</summary>
    public static string Members(int count) => count == 1 ? "1 lid" : $"{count} leden";

    public static string Kind(GroupKind kind) => kind switch
    {
        GroupKind.Casuistiek => "Casuïstiek",
        GroupKind.LerendNetwerk => "Lerend netwerk",
        GroupKind.Sectortafel => "Sectortafel",
        _ => "Themagroep",
    };

    public static string Joining(JoinPolicy policy) => policy switch
    {
        JoinPolicy.Closed => "Besloten: je vraagt om lid te worden",
        JoinPolicy.Hidden => "Verborgen: alleen op uitnodiging",
        _ => "Open: iedereen kan meteen lid worden",
    };

    public static string Access(AccessLevel access) => access switch
    {
        AccessLevel.Public => "Openbaar: iedereen kan meelezen",
        AccessLevel.Professionals => "Alle ingelogde professionals",
        _ => "Alleen leden van de groep",
    };
}
