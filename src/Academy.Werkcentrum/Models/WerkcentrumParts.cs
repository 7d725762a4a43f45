using Academy.Core.Content;

namespace Academy.Werkcentrum.Models;

/// <summary>
/// An inlooppunt: where it is, when it is open and who is there. Opening hours are wall-clock times in Europe/Amsterdam,
/// per Dutch weekday ("ma" … "zo") a list of periods ("09:00-12:30"); an exception replaces one date's hours (none: closed).
/// </summary>
public sealed class WalkInPointPart : ContentPart
{
    public string Address { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string Place { get; set; } = "";
    public string? Phone { get; set; }
    public string? AccessibilityNotes { get; set; }
    public Dictionary<string, List<string>> OpeningHours { get; set; } = [];
    public List<OpeningException> Exceptions { get; set; } = [];
    /// <summary>Organisation ids (recipe step Organisations) of the partners present at this inlooppunt.</summary>
    public List<string> PartnerIds { get; set; } = [];
}

/// <summary>Other hours on one date (a holiday, a closure): <see cref="Hours"/> empty means closed all day.</summary>
public sealed class OpeningException
{
    /// <summary>yyyy-MM-dd.</summary>
    public string Date { get; set; } = "";
    public List<string> Hours { get; set; } = [];
    /// <summary>Why ("Tweede Kerstdag", "Studiedag"), shown to visitors.</summary>
    public string? Note { get; set; }
}

/// <summary>A Werkcentrum service (gidsen, Loopbaanadviesteam, WIN-punt, …) and the audiences it is for.</summary>
public sealed class WerkcentrumServicePart : ContentPart
{
    public string Summary { get; set; } = "";
    /// <summary>Any of <see cref="WerkcentrumAudiences.All"/>.</summary>
    public List<string> Audiences { get; set; } = [];
    /// <summary>Organisation ids of the partners that offer it.</summary>
    public List<string> ProviderIds { get; set; } = [];
    /// <summary>Order on the audience page, lower first.</summary>
    public int Order { get; set; }
}

/// <summary>A news item: its date (yyyy-MM-dd, Amsterdam) and a summary for the list and the feeds.</summary>
public sealed class NewsItemPart : ContentPart
{
    public string Date { get; set; } = "";
    public string Summary { get; set; } = "";
}

/// <summary>A frequently asked question (the title) in a group; the answer is the Markdown body.</summary>
public sealed class FaqItemPart : ContentPart
{
    public string Group { get; set; } = "";
    public int Order { get; set; }
}

/// <summary>The three audiences of the Werkcentrum: their slugs (also the URL segment) and Dutch names.</summary>
public static class WerkcentrumAudiences
{
    public const string Jobseekers = "werkzoekenden";
    public const string Workers = "werkenden";
    public const string Employers = "werkgevers";

    public static readonly IReadOnlyList<string> All = [Jobseekers, Workers, Employers];

    /// <summary>The route constraint of /werkcentrum/{audience}, so other /werkcentrum/… routes stay free.</summary>
    public const string RoutePattern = "regex(^(werkzoekenden|werkenden|werkgevers)$)";

    public static string Name(string audience) => audience switch
    {
        Jobseekers => "Werkzoekenden",
        Workers => "Werkenden",
        Employers => "Werkgevers",
        _ => audience,
    };

    public static string Intro(string audience) => audience switch
    {
        Jobseekers => "Je zoekt werk of wilt weer aan de slag. Wij helpen je op weg.",
        Workers => "Je hebt werk en wilt verder leren, iets anders gaan doen of je baan houden.",
        Employers => "Je zoekt personeel, wilt mensen opleiden of inclusief ondernemen.",
        _ => "",
    };
}

/// <summary>The content types of this module (installed by its migration when a site lacks them).</summary>
public static class WerkcentrumTypes
{
    public const string WalkInPoint = "WalkInPoint";
    public const string Service = "WerkcentrumService";
    public const string News = "NewsItem";
    public const string Faq = "FaqItem";

    public static IReadOnlyList<ContentTypeDefinition> Definitions() =>
    [
        Type(WalkInPoint, "Inlooppunt", nameof(TitlePart), nameof(AutoroutePart), nameof(MarkdownBodyPart), nameof(WalkInPointPart)),
        Type(Service, "Dienstverlening", nameof(TitlePart), nameof(MarkdownBodyPart), nameof(WerkcentrumServicePart)),
        Type(News, "Nieuwsbericht", nameof(TitlePart), nameof(AutoroutePart), nameof(MarkdownBodyPart), nameof(NewsItemPart)),
        Type(Faq, "Veelgestelde vraag", nameof(TitlePart), nameof(MarkdownBodyPart), nameof(FaqItemPart)),
    ];

    public static bool IsOwn(string contentType) => contentType is WalkInPoint or Service or News or Faq;

    private static ContentTypeDefinition Type(string name, string displayName, params string[] parts) => new()
    {
        Name = name,
        DisplayName = displayName,
        Stereotype = name,
        Settings = new ContentTypeSettings { Creatable = true, Draftable = false, Listable = true },
        Parts = [.. parts],
    };
}
