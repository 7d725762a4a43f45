namespace Academy.Core.Files;

/// <summary>Files in a folder on this node (App_Data/files by default). Writes go to a temporary file first, so a
/// reader never sees half a file.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        File.Move(temporary, full, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        Stream? stream = File.Exists(full)
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(FullPath(path)));

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
        return Task.CompletedTask;
    }

    public Task DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var full = FullPath(folder);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
        return Task.CompletedTask;
    }

    /// <summary>Refuses paths that would leave the root ("..", absolute paths, backslashes).</summary>
    private string FullPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\\') || path.StartsWith('/')
            || path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"Not a valid file store path: '{path}'.", nameof(path));
        }
        var rootFull = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(rootFull, path));
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a valid file store path: '{path}'.", nameof(path));
        }
        return full;
    }
}
