using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Navigation;

/// <summary>One public address for /sitemap.xml: a site-relative path (built from a named route) and when it last changed.</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc = null);

/// <summary>
/// A module's public, published pages for the sitemap. Only what an anonymous visitor may open belongs here: no drafts,
/// no pages behind a login, no back office. The module builds the paths from its own named routes.
/// </summary>
public interface ISitemapSource
{
    Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(HttpContext context, CancellationToken cancellationToken);
}

public static class SitemapServiceCollectionExtensions
{
    /// <summary>Adds a module's public pages to /sitemap.xml.</summary>
    public static IServiceCollection AddSitemapSource<T>(this IServiceCollection services) where T : class, ISitemapSource =>
        services.AddScoped<ISitemapSource, T>();
}
