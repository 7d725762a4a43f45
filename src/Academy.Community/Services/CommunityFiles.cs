using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Files;
using Academy.Media.Abstractions;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>Where an upload goes: a group's files, or an article's attachments (then <see cref="Group"/> is the article's group, if any).</summary>
public sealed record FileTarget(CommunityGroup? Group, ArticleIndex? Article);

/// <summary>
/// Community files in the file store, under "community/files/{StorageKey}/". The bytes are stored before the row and
/// deleted after it, so a row never points at nothing (a crash in between leaves at most an unreferenced file).
/// Images are kept only as WebP versions without metadata (camera, GPS), "groot" to show and "klein" for lists.
/// </summary>
public sealed class CommunityFiles(AcademyDbContext db, UnitOfWork unitOfWork, IFileStore store, IImageProcessor images, ISearchIndexQueue search, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Room above <see cref="MaxBytes"/> in a request, so a larger file gets the Dutch message rather than a refused connection.</summary>
    public const long MaxRequestBytes = 64 * 1024 * 1024;

    public const string TooLarge = "Het bestand is groter dan 20 MB. Maak het kleiner (bijvoorbeeld door afbeeldingen te comprimeren of het op te splitsen) en probeer het opnieuw.";
    public const string NoFile = "Kies een bestand om te delen.";
    public const string NotInCasuistiek = "In een casuïstiekgroep deel je geen bestanden: zo komen er geen documenten met gegevens van cliënten in de community. Beschrijf de casus anoniem in een bericht.";

    public static readonly IReadOnlyList<ImageVariant> ImageVariants = [new("groot", 1600, ImageFit.Fit), new("klein", 320, ImageFit.Fit)];

    /// <summary>Checks and stores an upload; the new file, or a Dutch message (nothing stored).</summary>
    public async Task<(CommunityFile? File, string? Error)> StoreAsync(FileTarget target, IFormFile? upload, AccessLevel access, string uploaderUserId, CancellationToken cancellationToken)
    {
        if (target.Group?.GuardsPrivacy == true)
        {
            return (null, NotInCasuistiek);
        }
        if (upload is null || upload.Length == 0)
        {
            return (null, NoFile);
        }
        if (upload.Length > MaxBytes)
        {
            return (null, TooLarge);
        }
        var content = new MemoryStream();
        await using (var stream = upload.OpenReadStream())
        {
            await stream.CopyToAsync(content, cancellationToken);
        }
        var (sniffed, error) = FileSniffer.Sniff(upload.FileName, content);
        if (sniffed is null)
        {
            return (null, error);
        }
        // A forged level that is not one of the three counts as the narrowest.
        access = Enum.IsDefined(access) ? access : AccessLevel.Members;
        var file = new CommunityFile
        {
            GroupId = target.Group?.Id,
            ArticleId = target.Article?.ContentItemId,
            Access = Narrowest(target, access),
            FileName = CleanName(upload.FileName),
            MediaType = sniffed.MediaType,
            Kind = sniffed.Kind,
            SizeBytes = content.Length,
            StorageKey = Guid.NewGuid().ToString("N"),
            UploaderUserId = uploaderUserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (sniffed.Kind == FileKind.Image)
        {
            var processed = await images.ProcessAsync(content, ImageVariants, MaxBytes, cancellationToken);
            if (!processed.Succeeded)
            {
                return (null, processed.Error);
            }
            foreach (var image in processed.Images)
            {
                await store.SaveAsync(PathOf(file, image.Name), new MemoryStream(image.WebP), cancellationToken);
            }
            file.MediaType = "image/webp";
            file.FileName = Path.ChangeExtension(file.FileName, ".webp");
            file.SizeBytes = processed.Images[0].WebP.LongLength;
        }
        else
        {
            content.Position = 0;
            await store.SaveAsync(PathOf(file, Original), content, cancellationToken);
        }
        try
        {
            await unitOfWork.RunAsync(async () =>
            {
                db.Add(file);
                await db.SaveChangesAsync(cancellationToken);
                // Its name goes to the search with the row (the id is known now).
                search.FileChanged(file.Id);
            }, cancellationToken);
        }
        catch
        {
            await store.DeleteFolderAsync(Folder(file), CancellationToken.None);
            throw;
        }
        return (file, null);
    }

    /// <summary>Deletes the row, then the stored bytes.</summary>
    public async Task DeleteAsync(long fileId, CancellationToken cancellationToken)
    {
        var file = await unitOfWork.RunAsync(async () =>
        {
            var row = await db.Set<CommunityFile>().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
            if (row is not null)
            {
                db.Remove(row);
                search.FileChanged(row.Id);
            }
            return row;
        }, cancellationToken);
        if (file is not null)
        {
            await store.DeleteFolderAsync(Folder(file), CancellationToken.None);
        }
    }

    /// <summary>After an article was removed (its rows went with it): its attachments' stored bytes.</summary>
    public async Task DeleteStoredAsync(IEnumerable<CommunityFile> files)
    {
        foreach (var file in files)
        {
            await store.DeleteFolderAsync(Folder(file), CancellationToken.None);
        }
    }

    /// <summary>The stored bytes: the original of a document; of an image "groot" or "klein" (WebP).</summary>
    public Task<Stream?> OpenAsync(CommunityFile file, bool small, CancellationToken cancellationToken) =>
        store.OpenReadAsync(PathOf(file, file.Kind == FileKind.Image ? (small ? "klein" : "groot") : Original), cancellationToken);

    /// <summary>A file is never more open than its group or its article.</summary>
    public static AccessLevel Narrowest(FileTarget target, AccessLevel requested)
    {
        var level = TopicService.Narrowest(target.Group?.Access ?? AccessLevel.Public, requested);
        level = target.Article is { } article ? TopicService.Narrowest(article.Access, level) : level;
        // Without a group there are no members: a site-wide attachment is at most for professionals.
        return target.Group is null && level == AccessLevel.Members ? AccessLevel.Professionals : level;
    }

    private const string Original = "bestand";

    private static string Folder(CommunityFile file) => "community/files/" + file.StorageKey;

    private static string PathOf(CommunityFile file, string name) =>
        Folder(file) + "/" + (file.Kind == FileKind.Image ? name + ".webp" : name);

    /// <summary>The name without folders or control characters, at most 200 characters with its extension.</summary>
    public static string CleanName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0)
        {
            stem = "bestand";
        }
        return stem.Length + extension.Length > 200 ? stem[..(200 - extension.Length)] + extension : stem + extension;
    }
}
