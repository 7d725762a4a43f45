using System.Globalization;
using Academy.Search.Abstractions;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Academy.Search.Services;

/// <summary>The fields of an index document, and how a <see cref="SearchDocument"/> becomes one.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Source = "source";
    public const string LocalId = "localid";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Text = "text";
    /// <summary>Title, summary and text split into compound parts (weighs little).</summary>
    public const string Parts = "parts";
    /// <summary>Every word unstemmed: spelling suggestions and fuzzy matching.</summary>
    public const string Plain = "plain";
    /// <summary>The title's words unstemmed: suggestions by prefix.</summary>
    public const string TitleWords = "titlewords";
    public const string Url = "url";
    public const string Date = "date";
    /// <summary>"public", "loggedin" or "key:{access key}"; the viewer's filter is a query on it.</summary>
    public const string Access = "access";
    /// <summary>Prefix of a facet's field ("facet:thema"): a string field to filter on and doc values to count.</summary>
    public const string FacetPrefix = "facet:";

    public const string PublicAccess = "public";
    public const string LoggedInAccess = "loggedin";

    public static string KeyAccess(string key) => "key:" + key;

    public static string AccessValue(SearchAccess access) => access.Level switch
    {
        SearchAccessLevel.Public => PublicAccess,
        SearchAccessLevel.LoggedIn => LoggedInAccess,
        // A restricted document without a key is found by nobody rather than by everybody.
        _ => KeyAccess(access.Key ?? ""),
    };

    public static Document ToDocument(SearchDocument source)
    {
        var separator = source.Id.IndexOf(':');
        var doc = new Document
        {
            new StringField(Id, source.Id, Field.Store.YES),
            new StringField(Source, separator < 0 ? source.Id : source.Id[..separator], Field.Store.NO),
            new StoredField(LocalId, separator < 0 ? "" : source.Id[(separator + 1)..]),
            new StringField(Kind, source.Kind, Field.Store.YES),
            new SortedDocValuesField(Kind, new BytesRef(source.Kind)),
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(TitleWords, source.Title, Field.Store.NO),
            new TextField(Text, source.Text, Field.Store.YES),
            new StoredField(Url, source.Url),
            new StringField(Access, AccessValue(source.Access), Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(source.Summary))
        {
            doc.Add(new TextField(Summary, source.Summary, Field.Store.YES));
        }
        var all = string.Join('\n', source.Title, source.Summary, source.Text);
        doc.Add(new TextField(Parts, all, Field.Store.NO));
        doc.Add(new TextField(Plain, all, Field.Store.NO));
        if (source.Date is { } date)
        {
            doc.Add(new StoredField(Date, date.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        }
        foreach (var (name, values) in source.Facets ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
            {
                doc.Add(new StringField(FacetPrefix + name, value, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(FacetPrefix + name, new BytesRef(value)));
            }
        }
        return doc;
    }

    public static DateTime? ReadDate(Document doc) =>
        doc.Get(Date) is { } stored && DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : null;
}
