namespace Academy.Meldingen.Models;

/// <summary>A fixed choice on the question form: the stored key and the Dutch text.</summary>
public sealed record Choice(string Key, string Text);

/// <summary>
/// The fixed lists of the question form. The keys are stored and counted, so they never change; the texts may.
/// The topics follow the Werkcentrum's services in the regional plan (werk zoeken, loopbaan, scholing, geld en
/// regelingen, personeel zoeken).
/// </summary>
public static class MeldingChoices
{
    public static readonly IReadOnlyList<Choice> Audiences =
    [
        new("werkzoekende", "Ik zoek werk"),
        new("werkende", "Ik heb werk"),
        new("werkgever", "Ik ben werkgever"),
    ];

    public static readonly IReadOnlyList<Choice> Topics =
    [
        new("werk-zoeken", "Werk zoeken"),
        new("loopbaan", "Ander werk of mijn loopbaan"),
        new("scholing", "Scholing of een opleiding"),
        new("geld-regelingen", "Geld, uitkering en regelingen"),
        new("personeel", "Personeel zoeken"),
        new("werkplek", "Een werkplek aanpassen of begeleiding op het werk"),
        new("anders", "Iets anders"),
    ];

    /// <summary>The audience's name in the dashboard ("Werkzoekenden").</summary>
    public static readonly IReadOnlyDictionary<string, string> AudienceNames = new Dictionary<string, string>
    {
        ["werkzoekende"] = "Werkzoekenden",
        ["werkende"] = "Werkenden",
        ["werkgever"] = "Werkgevers",
    };

    /// <summary>The gemeente choice of someone who does not live in one of the region's gemeenten, or does not know.</summary>
    public const string OtherGemeente = "Andere gemeente of weet ik niet";

    public static string TopicText(string key) => Topics.FirstOrDefault(t => t.Key == key)?.Text ?? key;

    public static string AudienceName(string key) => AudienceNames.GetValueOrDefault(key, key);
}
