namespace Academy.Tests.Search;

/// <summary>
/// The relevance table: Dutch questions a visitor asks, against the seeded Midden-Gelderland recipe, each with the page
/// that must be among the first three hits. Covers stemming (plurals, verb forms), synonyms and abbreviations from the
/// recipe, accents, typos and the parts of compound words.
/// </summary>
public sealed partial class SearchPageTests
{
    public static TheoryData<string, string, string> Relevance => new()
    {
        // query, expected address (or its start), what it shows
        { "loonkostensubsidie", "/leeragenda/webinar-loonkostensubsidie", "exact word" },
        { "loonkostensubsdie", "/leeragenda/webinar-loonkostensubsidie", "typo" },
        { "LKS", "/leeragenda/webinar-loonkostensubsidie", "synonym: abbreviation" },
        { "subsidie", "/leeragenda/webinar-loonkostensubsidie", "compound part" },
        { "loonwaardebepaling", "/leeragenda/webinar-loonkostensubsidie", "word of the summary" },
        { "casuistiekbespreking igm", "/leeragenda/casuistiek-igm", "accent folding (title says Casuïstiekbespreking)" },
        { "Casuïstiek doelgroepregister", "/leeragenda/casuistiek-doelgroepregister", "accent kept" },
        { "Integratief Gedragsmodel basistraining", "/leeragenda/igm-basistraining", "title words" },
        { "IGM verdieping", "/leeragenda/igm-verdieping", "abbreviation in title" },
        { "school naar duurzaam werk", "/leeragenda/casuistiek-jongeren-sndw", "phrase" },
        { "SNDW", "/leeragenda/casuistiek-jongeren-sndw", "synonym: abbreviation of a phrase" },
        { "geldzorgen", "/leeragenda/casuistiek-werk-en-geldzorgen", "title word" },
        { "schulden", "/leeragenda/casuistiek-werk-en-geldzorgen", "summary word" },
        { "banenafspraak 2027", "/leeragenda/kennissessie-banenafspraak", "word and number" },
        { "jobcarving zorg", "/leeragenda/kennissessie-jobcarving-zorg", "two words" },
        { "mbo certificaat", "/leeragenda/kennissessie-mbo-certificaten", "stemming: singular finds plural" },
        { "arbeidsmigranten WIN-punt", "/leeragenda/kennissessie-win-punt", "hyphenated name" },
        { "laaggeletterd", "/leeragenda/kennissessie-basisvaardigheden", "stemming: adjective finds noun" },
        { "scholingsbudget", "/leeragenda/kennissessie-llo-scholingsbudgetten", "stemming: singular" },
        { "CompetentNL vacature", "/leeragenda/workshop-skillsgericht-werven", "name and word" },
        { "BIA", "/leeragenda/workshop-bia", "abbreviation" },
        { "sectortafels", "/leeragenda/workshop-sectortafels", "plural" },
        { "e-learning doelgroepregister", "/leeragenda/elearning-doelgroepregister", "hyphenated word" },
        { "no wrong door", "/leeragenda/elearning-no-wrong-door", "English phrase" },
        { "Scalabor", "/leeragenda/werkbezoek-scalabor", "organisation name" },
        { "open hiring", "/leeragenda/masterclass-inclusief-werkgeverschap", "phrase in title" },
        { "zij-instroom loopbaanadviseurs", "/leeragenda/cursus-loopbaanadvies-llo", "stemming and hyphen" },
        { "intervisie jobcoach", "/leeragenda/intervisie-jobcoaches", "stemming: singular finds plural" },
        { "praktijkverklaring", "/leeragenda/praktijkleren-praktijkverklaring", "title word" },
        { "gidstrainingen", "/leeragenda/gidstraining-werkcentrum", "stemming: plural finds singular" },
        { "HARRIE", "/leeragenda/harrie-training", "name" },
        { "instrumentengids Dennis", "/leeragenda/webinar-dennis-eva", "name and word" },
        { "inlooppunt Velp", "/werkcentrum/inlooppunten/inlooppunt-velp", "werkcentrum page" },
        { "Over de Regionale Leeracademie", "/over-de-leeracademie", "content page" },
        { "eerste gesprek IGM", "/community/igm-in-de-praktijk/", "public discussion" },
        { "Integratief Gedragsmodel ontsluiten", "/community/kennisbank/kennisbank-integratief-gedragsmodel", "kennisbank article in a public group" },
        { "IGM uitgerold gemeenten UWV", "/community/kennisbank/kennisbank-integratief-gedragsmodel", "kennisbank article: words of its text" },
        { "HARRIE professionals moeten weten", "/community/kennisbank/kennisbank-harrie-training", "site-wide kennisbank article" },
    };

    [Theory]
    [MemberData(nameof(Relevance))]
    public async Task A_dutch_question_finds_its_page_in_the_top_three(string query, string expected, string shows)
    {
        var result = await SearchScenarios.ApiAsync(Visitor, query);

        var top = result.Hits.Take(3).Select(h => h.Url).ToList();
        Assert.True(top.Any(url => url == expected || (expected.EndsWith('/') && url.StartsWith(expected, StringComparison.Ordinal))),
            $"'{query}' ({shows}) should find {expected} in the top 3, found: {string.Join(", ", top)}");
    }
}
