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

    public static string Reason(ReportReason reason) => reason switch
    {
        ReportReason.ClientData => "Persoonsgegevens van een cliënt",
        ReportReason.Offensive => "Ongepast of kwetsend",
        ReportReason.Spam => "Reclame of spam",
        _ => "Anders",
    };

    /// <summary>The label of a held or hidden post.</summary>
    public static string Hold(ModerationHold hold) => hold switch
    {
        ModerationHold.AwaitingApproval => "Wacht op goedkeuring",
        ModerationHold.Hidden => "Verborgen door moderator",
        _ => "Niet goedgekeurd",
    };

    /// <summary>What happened, in the audit trail.</summary>
    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.Held => "vastgehouden voor goedkeuring (eerste bericht van een nieuw lid)",
        ModerationAction.Hidden => "verborgen",
        ModerationAction.Restored => "teruggezet",
        ModerationAction.Dismissed => "meldingen afgewezen: het bericht blijft staan",
        ModerationAction.Approved => "goedgekeurd en geplaatst",
        _ => "afgekeurd",
    };

    /// <summary>The notice after a decision.</summary>
    public static string Decided(ModerationAction action) => action switch
    {
        ModerationAction.Hidden => "Het bericht is verborgen. Alleen de schrijver, de beheerders van de groep en moderatoren zien het nog.",
        ModerationAction.Restored => "Het bericht is teruggezet: iedereen die de groep kan lezen, ziet het weer.",
        ModerationAction.Dismissed => "De meldingen zijn afgewezen. Het bericht blijft staan.",
        ModerationAction.Approved => "Het bericht is goedgekeurd en staat nu in de groep.",
        _ => "Het bericht is afgekeurd. De schrijver ziet de reden.",
    };
}
