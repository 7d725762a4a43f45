using System.Runtime.CompilerServices;
using System.Text.Json;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Search.Abstractions;
using Academy.Search.Services;
using Academy.Testing;
using Lucene.Net.Index;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Search;

/// <summary>
/// A document source of the tests' own (so the engine is tested without the modules' sources): documents are JSON
/// rows in Core's Documents table ("searchtest:{id}"), so every site on the same database reads the same documents.
/// It also claims the content type <see cref="ContentType"/> for the content-event tests.
/// </summary>
public sealed class TestDocumentSource(AcademyDbContext db) : ISearchContentSource
{
    public const string Name = "testdocs";
    public const string ContentType = "SearchTestItem";
    public const string KeyPrefix = "searchtest:";

    public string Source => Name;

    public IReadOnlyCollection<string> ContentTypes => [ContentType];

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => d.Key.StartsWith(KeyPrefix)).OrderBy(d => d.Key).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            yield return Parse(row);
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken)
    {
        var row = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Key == KeyPrefix + localId, cancellationToken);
        return row is null ? null : Parse(row);
    }

    private static SearchDocument Parse(DocumentRecord row)
    {
        var stored = JsonSerializer.Deserialize<StoredDocument>(row.Json)!;
        var localId = row.Key[KeyPrefix.Length..];
        var access = stored.Access switch
        {
            "public" => SearchAccess.Public,
            "loggedin" => SearchAccess.LoggedIn,
            var key => SearchAccess.Restricted(key),
        };
        return new SearchDocument($"{Name}:{localId}", SearchKinds.Discussion, stored.Title, stored.Text, $"/test/{localId}", access);
    }

    public sealed record StoredDocument(string Title, string Text, string Access);
}

public static class SearchSiteKit
{
    /// <summary>A site with the test source; <paramref name="node"/> and <paramref name="indexPath"/> make it a node of its own.</summary>
    public static AcademyFactory Site(string? postgres = null, string? node = null, string? indexPath = null, bool background = false)
    {
        var factory = postgres is null
            ? new AcademyFactory { BackgroundEnabled = background, ConfigureHost = AddSource }
            : new AcademyFactory(postgres) { BackgroundEnabled = background, ConfigureHost = AddSource };
        factory.Settings["Academy:Search:PollMilliseconds"] = "200";
        if (node is not null)
        {
            factory.Settings["Academy:Search:NodeName"] = node;
        }
        if (indexPath is not null)
        {
            factory.Settings["Academy:Search:IndexPath"] = indexPath;
        }
        return factory;
    }

    private static void AddSource(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddScoped<ISearchDocumentSource, TestDocumentSource>());

    /// <summary>Writes a test document and queues it, in one unit of work.</summary>
    public static async Task PutAsync(IServiceProvider services, string localId, string title, string text, string access = "public", bool queue = true)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AcademyDbContext>();
        await provider.GetRequiredService<UnitOfWork>().RunAsync(async () =>
        {
            var json = JsonSerializer.Serialize(new TestDocumentSource.StoredDocument(title, text, access));
            var row = await db.Documents.FindAsync(TestDocumentSource.KeyPrefix + localId);
            if (row is null)
            {
                db.Documents.Add(new DocumentRecord { Key = TestDocumentSource.KeyPrefix + localId, Json = json });
            }
            else
            {
                row.Json = json;
            }
            if (queue)
            {
                provider.GetRequiredService<ISearchIndexQueue>().Changed(TestDocumentSource.Name, localId);
            }
        });
    }

    public static async Task RemoveAsync(IServiceProvider services, string localId)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AcademyDbContext>();
        await provider.GetRequiredService<UnitOfWork>().RunAsync(async () =>
        {
            db.Documents.Remove((await db.Documents.FindAsync(TestDocumentSource.KeyPrefix + localId))!);
            provider.GetRequiredService<ISearchIndexQueue>().Changed(TestDocumentSource.Name, localId);
        });
    }

    /// <summary>Publishes Core's ContentPublished for an item of the test content type (as the content manager would).</summary>
    public static async Task PublishContentEventAsync(IServiceProvider services, string contentItemId)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<UnitOfWork>().RunAsync(() =>
        {
            provider.GetRequiredService<EventOutbox>().Add(new ContentPublished(contentItemId, TestDocumentSource.ContentType, contentItemId + "-v1"));
            return Task.CompletedTask;
        });
    }

    public static async Task<SearchResults> SearchAsync(IServiceProvider services, string text, SearchViewer? viewer = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISearchService>()
            .SearchAsync(new SearchRequest(text, PageSize: 50), viewer ?? SearchViewer.Visitor, CancellationToken.None);
    }

    /// <summary>Searches until <paramref name="done"/> holds or the time is up; the results of the last try.</summary>
    public static async Task<SearchResults> WaitForAsync(IServiceProvider services, string text, Func<SearchResults, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var results = await SearchAsync(services, text);
            if (done(results) || DateTime.UtcNow > until)
            {
                return results;
            }
            await Task.Delay(100);
        }
    }

    public static async Task<int> TaskCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<Academy.Search.Models.SearchIndexTask>().CountAsync();
    }

    /// <summary>What the index holds: every document id and every term of the text fields, in order.</summary>
    public static IndexSnapshot Snapshot(SearchIndex index)
    {
        using var lease = index.AcquireSearcher();
        return Snapshot(lease.Searcher.IndexReader);
    }

    /// <summary>What a node's index folder holds on disk (the generation its file "current" names), read without the node.</summary>
    public static IndexSnapshot Snapshot(string nodeFolder)
    {
        var generation = File.ReadAllText(Path.Combine(nodeFolder, "current")).Trim();
        using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(nodeFolder, generation));
        using var reader = DirectoryReader.Open(directory);
        return Snapshot(reader);
    }

    /// <summary>Every live document's id and stored fields, and every term of the text fields with its document count, in order.</summary>
    public static IndexSnapshot Snapshot(IndexReader reader)
    {
        var live = MultiFields.GetLiveDocs(reader);
        var ids = new List<string>();
        var documents = new List<string>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                var stored = reader.Document(doc);
                ids.Add(stored.Get(SearchFields.Id));
                documents.Add(string.Join("|", stored.Fields.Select(f => f.Name + "=" + f.GetStringValue()).Order(StringComparer.Ordinal)));
            }
        }
        var terms = new List<string>();
        foreach (var field in new[] { SearchFields.Title, SearchFields.Text, SearchFields.Parts, SearchFields.Plain, SearchFields.Access })
        {
            var fieldTerms = MultiFields.GetTerms(reader, field);
            if (fieldTerms is null)
            {
                continue;
            }
            var iterator = fieldTerms.GetEnumerator();
            while (iterator.MoveNext())
            {
                terms.Add(field + ":" + iterator.Term.Utf8ToString() + "#" + iterator.DocFreq);
            }
        }
        ids.Sort(StringComparer.Ordinal);
        documents.Sort(StringComparer.Ordinal);
        return new IndexSnapshot(ids, terms, documents);
    }
}

/// <param name="Documents">Each live document's stored fields as one line, sorted.</param>
public sealed record IndexSnapshot(List<string> Ids, List<string> Terms, List<string> Documents);
