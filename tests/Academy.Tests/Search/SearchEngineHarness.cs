using Academy.Core.Hosting;
using Academy.Search.Abstractions;
using Academy.Search.Models;
using Academy.Search.Services;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Academy.Tests.Search;

/// <summary>
/// The search engine without a site: an index in a temp folder filled with <see cref="Corpus"/>, and the query service
/// with the Midden-Gelderland recipe's kind of synonyms. Shared by the engine tests (read-only after creation).
/// </summary>
public sealed class SearchEngineHarness : IDisposable
{
    public const string SecretGroupKey = "community-group:7";

    public static readonly SearchSynonymSettings Synonyms = new()
    {
        Groups =
        [
            ["LKS", "loonkostensubsidie"],
            ["SNDW", "school naar duurzaam werk"],
            ["IGM", "Integratief Gedragsmodel"],
            ["WSP", "Werkgeversservicepunt"],
            ["WIN-punt", "Werken in Nederland-punt"],
        ],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "academy-search-tests", Guid.NewGuid().ToString("n"));

    public SearchEngineHarness()
    {
        Index = Open(_folder, "engine");
        Index.Apply(Corpus.Select(d => (d.Id, (SearchDocument?)d)).ToList(), 0);
        Service = Engine(Index);
    }

    public SearchIndex Index { get; }

    public LuceneSearchService Service { get; }

    public static SearchViewer Member => new(true, [SecretGroupKey]);

    public static SearchViewer LoggedIn => new(true, []);

    /// <summary>The query service over <paramref name="index"/> with <see cref="Synonyms"/> and a result cache of <paramref name="cacheEntries"/>.</summary>
    public static LuceneSearchService Engine(SearchIndex index, int cacheEntries = 1000) =>
        new(index, new SearchSynonyms(index), new FixedSynonyms(Synonyms), new SearchResultCache(Options.Create(new SearchOptions { ResultCacheEntries = cacheEntries })));

    public static SearchIndex Open(string folder, string node) => new(
        Options.Create(new SearchOptions { IndexPath = folder, NodeName = node }),
        Options.Create(new AcademyOptions()),
        new HostingEnvironment { ContentRootPath = folder });

    public Task<SearchResults> SearchAsync(string text, SearchViewer? viewer = null, string? kind = null,
        Dictionary<string, IReadOnlyList<string>>? facets = null, int page = 1, int pageSize = 10) =>
        Service.SearchAsync(new SearchRequest(text, kind, facets, page, pageSize), viewer ?? SearchViewer.Visitor, CancellationToken.None);

    public static IReadOnlyList<SearchDocument> Corpus { get; } =
    [
        Offering(1, "Loonkostensubsidie in de praktijk", "Hoe vraag je loonkostensubsidie aan voor een werkgever? We oefenen met <b>echte</b> rekenvoorbeelden & formulieren.", "Training", "Werkgeversdienstverlening", "2026-03"),
        Offering(2, "Training motiverende gespreksvoering", "Een training in motiverende gespreksvoering: gesprekken die mensen in beweging brengen.", "Training", "Gespreksvoering", "2026-04"),
        Offering(3, "Casuïstiek: schulden bespreken", "Samen casuïstiek bespreken over schulden en werk. Casussen worden anoniem ingebracht.", "Casuïstiekbespreking", "Schulden", "2026-03"),
        Offering(4, "Van school naar duurzaam werk", "Jongeren begeleiden van school naar duurzaam werk met de regionale aanpak.", "Kennissessie", "Jongeren", "2026-05"),
        new SearchDocument("community:10", SearchKinds.Discussion, "Geheime casus over loonkostensubsidie", "Alleen voor de groep: een zeldzaamwoord en een vraag over loonkostensubsidie.",
            "/community/onderwerpen/10", SearchAccess.Restricted(SecretGroupKey), Facets: Facet("soort", "Geheimesoort")),
        new SearchDocument("community:11", SearchKinds.Discussion, "Vraag over het werkgeversservicepunt", "Wie weet hoe het werkgeversservicepunt werkgevers helpt bij loonkostensubsidie?",
            "/community/onderwerpen/11", SearchAccess.LoggedIn),
        new SearchDocument("pages:20", SearchKinds.Page, "Het Integratief Gedragsmodel uitgelegd", "Zo werkt het integratief gedragsmodel in gesprekken met werkzoekenden.",
            "/integratief-gedragsmodel", SearchAccess.Public),
        new SearchDocument("kb:30", SearchKinds.Article, "Handboek Werkgeversservicepunt", "Alles over de dienstverlening van het werkgeversservicepunt aan werkgevers.",
            "/kennisbank/handboek-wsp", SearchAccess.Public, Summary: "Het handboek voor accountmanagers."),
    ];

    private static SearchDocument Offering(int id, string title, string text, string soort, string thema, string maand) =>
        new($"offerings:{id}", SearchKinds.Offering, title, text, $"/leeragenda/{id}", SearchAccess.Public,
            Summary: null, Date: new DateTime(2026, 3, id, 9, 0, 0, DateTimeKind.Utc),
            Facets: new Dictionary<string, IReadOnlyList<string>> { ["soort"] = [soort], ["thema"] = [thema], ["maand"] = [maand] });

    private static Dictionary<string, IReadOnlyList<string>> Facet(string name, string value) => new() { [name] = [value] };

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedSynonyms(SearchSynonymSettings settings) : ISearchSynonymSource
    {
        public Task<SearchSynonymSettings> GetAsync() => Task.FromResult(settings);
    }
}
