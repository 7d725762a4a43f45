using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;

namespace Academy.Core.Hosting;

/// <summary>
/// URLs of module assets with a content hash (`?v=…`), so browsers may cache them for a year and
/// still get a changed file at once.
/// </summary>
public sealed class AssetVersions
{
    private readonly ConcurrentDictionary<string, IFileProvider> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    internal void Register(string requestPath, IFileProvider provider) => _providers[requestPath] = provider;

    /// <summary>"/assets/leeragenda/css/leeragenda.css" → "/assets/leeragenda/css/leeragenda.css?v=3f2a91c0".</summary>
    public string Url(string path) => _urls.GetOrAdd(path, Versioned);

    private string Versioned(string path)
    {
        foreach (var (prefix, provider) in _providers)
        {
            if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                continue;
            }
            var file = provider.GetFileInfo(path[prefix.Length..]);
            if (!file.Exists)
            {
                return path;
            }
            using var stream = file.CreateReadStream();
            return $"{path}?v={Convert.ToHexStringLower(SHA256.HashData(stream))[..10]}";
        }
        return path;
    }
}
