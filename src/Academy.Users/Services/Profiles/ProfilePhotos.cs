using Academy.Core.Files;
using Academy.Media.Abstractions;
using Academy.Users.Abstractions;

namespace Academy.Users.Services.Profiles;

/// <summary>
/// Profile photos in the file store: three square WebP sizes per upload under "profiles/{userId}/{version}/", so a
/// new upload gets new addresses and browsers may keep the old ones for good.
/// </summary>
public sealed class ProfilePhotos(IImageProcessor images, IFileStore files)
{
    public static readonly IReadOnlyList<ImageVariant> Variants =
        UsersRouteNames.PhotoSizes.Select(s => new ImageVariant(s.Key, s.Value)).ToList();

    /// <summary>Processes and stores an upload; the new version, or a Dutch message (nothing stored).</summary>
    public async Task<(string? Version, string? Error)> StoreAsync(string userId, Stream upload, CancellationToken cancellationToken)
    {
        var result = await images.ProcessAsync(upload, Variants, cancellationToken);
        if (!result.Succeeded)
        {
            return (null, result.Error);
        }
        var version = Guid.NewGuid().ToString("N")[..16];
        foreach (var image in result.Images)
        {
            await files.SaveAsync(PathOf(userId, version, image.Name), new MemoryStream(image.WebP), cancellationToken);
        }
        return (version, null);
    }

    public Task<Stream?> OpenAsync(string userId, string version, string size, CancellationToken cancellationToken) =>
        files.OpenReadAsync(PathOf(userId, version, size), cancellationToken);

    public Task DeleteVersionAsync(string userId, string version) => files.DeleteFolderAsync($"{Folder(userId)}/{version}");

    public Task DeleteAllAsync(string userId) => files.DeleteFolderAsync(Folder(userId));

    private static string PathOf(string userId, string version, string size) => $"{Folder(userId)}/{version}/{size}.webp";

    /// <summary>Account ids are GUIDs; an id with other characters cannot name a folder.</summary>
    private static string Folder(string userId) =>
        userId.Length is > 0 and <= 64 && userId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? "profiles/" + userId
            : throw new ArgumentException("Not an account id.", nameof(userId));
}
