using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Users.Services.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Privacy;

public enum ErasureOutcome
{
    Erased,
    NotFound,
    LastAdministrator,
}

/// <summary>
/// "Mijn gegevens" for every module at once: the export ZIP (one JSON file with a section per module, plus the files
/// modules add, such as certificate PDFs) and the erasure of an account, in one transaction over all modules.
/// </summary>
public sealed class PersonalDataService(
    AcademyDbContext db,
    UnitOfWork unitOfWork,
    IEnumerable<IPersonalDataProvider> providers,
    ProfilePhotos photos,
    TimeProvider clock)
{
    public const string JsonFileName = "mijn-gegevens.json";

    public async Task<byte[]?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await SubjectAsync(userId, cancellationToken) is not { } subject)
        {
            return null;
        }
        var sections = new JsonObject();
        var files = new List<PersonalDataFile>();
        foreach (var provider in providers.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (await provider.ExportAsync(subject, cancellationToken) is { } section)
            {
                sections[section.Name] = section.Data.DeepClone();
                files.AddRange(section.Files);
            }
        }
        var profile = await db.Set<UserProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile?.PhotoVersion is { } version && await photos.OpenAsync(userId, version, "l", cancellationToken) is { } photo)
        {
            await using (photo)
            {
                var copy = new MemoryStream();
                await photo.CopyToAsync(copy, cancellationToken);
                files.Add(new PersonalDataFile("profielfoto.webp", "image/webp", copy.ToArray()));
            }
        }
        var document = new JsonObject
        {
            ["gemaakt"] = clock.GetUtcNow().UtcDateTime,
            ["uitleg"] = "Alles wat de leeracademie over je bewaart, per onderdeel van de site. Zie ook /privacy.",
            ["onderdelen"] = sections,
        };

        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(archive, JsonFileName, JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions { WriteIndented = true }));
            foreach (var file in files.DistinctBy(f => f.FileName))
            {
                await WriteAsync(archive, file.FileName, file.Content);
            }
        }
        return zip.ToArray();
    }

    /// <summary>
    /// Erases or anonymises the account's data in every module, then deletes the account, in one transaction. The last
    /// account with the Beheerder role is refused, so the site always keeps someone who can manage it.
    /// </summary>
    public async Task<ErasureOutcome> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var outcome = await unitOfWork.RunAsync(async () =>
        {
            if (await SubjectAsync(userId, cancellationToken) is not { } subject)
            {
                return ErasureOutcome.NotFound;
            }
            if (await IsLastAdministratorAsync(userId, cancellationToken))
            {
                return ErasureOutcome.LastAdministrator;
            }
            foreach (var provider in providers)
            {
                await provider.EraseAsync(subject, cancellationToken);
            }
            await db.Set<AcademyUser>().Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            return ErasureOutcome.Erased;
        }, cancellationToken);
        if (outcome == ErasureOutcome.Erased)
        {
            // Files are not in the transaction: removed once the erasure committed.
            await photos.DeleteAllAsync(userId);
        }
        return outcome;
    }

    public async Task<bool> IsLastAdministratorAsync(string userId, CancellationToken cancellationToken = default)
    {
        var admins = await (from userRole in db.Set<IdentityUserRole<string>>()
                            join role in db.Set<AcademyRole>() on userRole.RoleId equals role.Id
                            where role.NormalizedName == AdminSetupHandler.AdminRole.ToUpperInvariant()
                            select userRole.UserId).Distinct().ToListAsync(cancellationToken);
        return admins.Count == 1 && admins[0] == userId;
    }

    private async Task<PersonalDataSubject?> SubjectAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<AcademyUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : new PersonalDataSubject(user.Id, user.Email ?? user.UserName ?? "", user.DisplayName);
    }

    private static async Task WriteAsync(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content);
    }
}
