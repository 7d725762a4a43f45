using Academy.Search.Abstractions;
using Academy.Core.Data;
using Academy.Leeragenda.Abstractions;
using Academy.Users.Abstractions;
using Academy.Users.Services.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Academy.Users.Controllers;

public sealed class ProfileForm
{
    public string? DisplayName { get; set; }
    public string? OrganisationId { get; set; }
    public string? Function { get; set; }
    public string? Bio { get; set; }
    public List<string> Themes { get; set; } = [];
    public bool VisibleToColleagues { get; set; }
    public IFormFile? Photo { get; set; }
}

public sealed record ProfilePageModel(ProfileForm Form, MemberProfile Profile, IReadOnlyList<(string Id, string Name)> Organisations,
    IReadOnlyList<ThemeTerm> Themes, IReadOnlyDictionary<string, string> Errors, string? Notice);

/// <summary>"Mijn profiel": the signed-in user's profile and photo, and the photos of profiles shown to colleagues.</summary>
[Authorize]
public sealed class ProfileController(
    AcademyDbContext db,
    UnitOfWork unitOfWork,
    UserManager<AcademyUser> users,
    IMemberProfiles profiles,
    ProfilePhotos photos,
    IEnumerable<IThemeTaxonomy> themeTaxonomies,
    ISearchIndexQueue search,
    TimeProvider clock) : Controller
{
    public const string Saved = "Je profiel is opgeslagen.";
    public const string PhotoRemoved = "Je foto is verwijderd.";

    [HttpGet("mijn-profiel", Name = UsersRouteNames.MyProfile)]
    public async Task<IActionResult> Edit(string? melding)
    {
        var profile = await profiles.GetAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        if (profile is null)
        {
            return Forbid();
        }
        var form = new ProfileForm
        {
            DisplayName = profile.DisplayName, OrganisationId = profile.OrganisationId, Function = profile.Function,
            Bio = profile.Bio, Themes = [.. profile.ExpertiseThemes], VisibleToColleagues = profile.VisibleToColleagues,
        };
        var notice = melding switch { "opgeslagen" => Saved, "foto-verwijderd" => PhotoRemoved, _ => null };
        return await PageAsync(form, profile, new Dictionary<string, string>(), notice);
    }

    [HttpPost("mijn-profiel")]
    [RequestSizeLimit(MaxRequestBytes)]
    public async Task<IActionResult> Edit(ProfileForm form)
    {
        ModelState.Clear();
        var userId = users.GetUserId(User)!;
        var profile = await profiles.GetAsync(userId, HttpContext.RequestAborted);
        if (profile is null)
        {
            return Forbid();
        }
        var organisations = await OrganisationsAsync();
        var themes = await ThemesAsync();
        var errors = Validate(form, organisations, themes);
        string? newVersion = null;
        if (errors.Count == 0 && form.Photo is { Length: > 0 } upload)
        {
            await using var stream = upload.OpenReadStream();
            var (version, error) = await photos.StoreAsync(userId, stream, HttpContext.RequestAborted);
            if (error is not null)
            {
                errors["Photo"] = error;
            }
            newVersion = version;
        }
        if (errors.Count > 0)
        {
            return await PageAsync(form, profile, errors, null);
        }

        var oldVersion = await unitOfWork.RunAsync(async () =>
        {
            var user = await db.Set<AcademyUser>().SingleAsync(u => u.Id == userId);
            user.DisplayName = form.DisplayName!;
            user.OrganisationId = form.OrganisationId;
            var row = await RowAsync(userId);
            var previous = row.PhotoVersion;
            row.Function = form.Function;
            row.Bio = form.Bio;
            row.ExpertiseThemes = UserProfile.JoinThemes(form.Themes);
            row.VisibleToColleagues = form.VisibleToColleagues;
            row.PhotoVersion = newVersion ?? previous;
            row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            // Name, organisation, function, themes or visibility may have changed: the search reads the person again.
            PeopleSearchSource.Changed(search, userId);
            return newVersion is null ? null : previous;
        });
        if (oldVersion is not null)
        {
            await photos.DeleteVersionAsync(userId, oldVersion);
        }
        return RedirectToRoute(UsersRouteNames.MyProfile, new { melding = "opgeslagen" });
    }

    [HttpPost("mijn-profiel/foto-verwijderen", Name = "Users.Profile.RemovePhoto")]
    public async Task<IActionResult> RemovePhoto()
    {
        var userId = users.GetUserId(User)!;
        await unitOfWork.RunAsync(async () =>
        {
            var row = await RowAsync(userId);
            row.PhotoVersion = null;
            row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        });
        await photos.DeleteAllAsync(userId);
        return RedirectToRoute(UsersRouteNames.MyProfile, new { melding = "foto-verwijderd" });
    }

    /// <summary>
    /// A photo for signed-in users: the owner's always, anyone else's only when the profile is visible to colleagues.
    /// With the current version in the address (<c>v</c>) it is cached for good; without it, revalidated by ETag.
    /// </summary>
    [HttpGet("profielfoto/{userId:length(1,64)}/{size}", Name = UsersRouteNames.ProfilePhoto)]
    public async Task<IActionResult> Photo(string userId, string size, string? v)
    {
        var profile = await profiles.GetAsync(userId, HttpContext.RequestAborted);
        var own = userId == users.GetUserId(User);
        if (profile?.PhotoVersion is not { } version || !UsersRouteNames.PhotoSizes.ContainsKey(size) || !(own || profile.VisibleToColleagues))
        {
            return NotFound();
        }
        var etag = new EntityTagHeaderValue($"\"{version}-{size}\"");
        Response.Headers.CacheControl = v == version ? "private, max-age=31536000, immutable" : "private, no-cache";
        if (Request.Headers.IfNoneMatch.ToString() == etag.Tag.ToString())
        {
            Response.Headers.ETag = etag.Tag.ToString();
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var stream = await photos.OpenAsync(userId, version, size, HttpContext.RequestAborted);
        return stream is null ? NotFound() : File(stream, "image/webp", lastModified: null, entityTag: etag);
    }

    /// <summary>Room for a photo over the limit, so it gets the Dutch message rather than a bare 413.</summary>
    private const long MaxRequestBytes = Media.Abstractions.ImageLimits.MaxBytes * 2;

    private Dictionary<string, string> Validate(ProfileForm form, IReadOnlyList<(string Id, string Name)> organisations, IReadOnlyList<ThemeTerm> themes)
    {
        var errors = new Dictionary<string, string>();
        form.DisplayName = form.DisplayName?.Trim();
        form.Function = Blank(form.Function);
        form.Bio = Blank(form.Bio)?.Replace("\r\n", "\n");
        form.OrganisationId = Blank(form.OrganisationId);
        if (string.IsNullOrEmpty(form.DisplayName))
        {
            errors["DisplayName"] = "Vul je naam in.";
        }
        else if (form.DisplayName.Length > 200)
        {
            errors["DisplayName"] = "Je naam mag hoogstens 200 tekens lang zijn.";
        }
        if (form.OrganisationId is not null && organisations.All(o => o.Id != form.OrganisationId))
        {
            errors["OrganisationId"] = "Kies een organisatie uit de lijst.";
        }
        if (form.Function?.Length > UserProfile.FunctionMaxLength)
        {
            errors["Function"] = $"Je functie mag hoogstens {UserProfile.FunctionMaxLength} tekens lang zijn.";
        }
        if (form.Bio?.Length > UserProfile.BioMaxLength)
        {
            errors["Bio"] = $"Over jezelf mag hoogstens {UserProfile.BioMaxLength} tekens lang zijn.";
        }
        form.Themes = form.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        if (form.Themes.Any(t => themes.All(term => term.Id != t)))
        {
            errors["Themes"] = "Kies thema's uit de lijst.";
        }
        return errors;
    }

    private async Task<IActionResult> PageAsync(ProfileForm form, MemberProfile profile, Dictionary<string, string> errors, string? notice)
    {
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Edit", new ProfilePageModel(form, profile, await OrganisationsAsync(), await ThemesAsync(), errors, notice));
    }

    private async Task<UserProfile> RowAsync(string userId)
    {
        var row = await db.Set<UserProfile>().FirstOrDefaultAsync(p => p.UserId == userId);
        if (row is null)
        {
            row = new UserProfile { UserId = userId };
            db.Add(row);
        }
        return row;
    }

    private async Task<IReadOnlyList<(string Id, string Name)>> OrganisationsAsync() =>
        (await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync())
            .OrderBy(o => o.Name, StringComparer.Create(Core.Hosting.AcademyHost.Dutch, ignoreCase: true))
            .Select(o => (o.Id, o.Name)).ToList();

    private async Task<IReadOnlyList<ThemeTerm>> ThemesAsync() =>
        themeTaxonomies.FirstOrDefault() is { } taxonomy ? await taxonomy.ThemesAsync(HttpContext.RequestAborted) : [];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
