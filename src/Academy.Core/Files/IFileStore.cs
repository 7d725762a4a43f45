namespace Academy.Core.Files;

/// <summary>
/// Where uploaded files (profile photos, community files) are kept. Paths are relative, '/'-separated and chosen by the
/// module (e.g. "profiles/{id}/m.webp"); the local store keeps them under App_Data/files, a shared store can replace it
/// when the site runs on several nodes.
/// </summary>
public interface IFileStore
{
    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Null when the file does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deleting a file that does not exist is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes every file under the folder, e.g. all sizes of one photo.</summary>
    Task DeleteFolderAsync(string folder, CancellationToken cancellationToken = default);
}
