using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Leeragenda.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>The leeragenda themes of a group: chosen in the group's settings (or by the recipe), shown as its offerings.</summary>
public sealed class GroupThemes(AcademyDbContext db, IEnumerable<IThemeTaxonomy> taxonomies)
{
    /// <summary>The leeragenda's themes to choose from; empty when the Leeragenda module is not installed.</summary>
    public async Task<IReadOnlyList<ThemeTerm>> ChoicesAsync(CancellationToken cancellationToken) =>
        taxonomies.FirstOrDefault() is { } taxonomy ? await taxonomy.ThemesAsync(cancellationToken) : [];

    public async Task<IReadOnlyList<string>> GetAsync(long groupId, CancellationToken cancellationToken) =>
        await db.Set<GroupTheme>().AsNoTracking().Where(t => t.GroupId == groupId).OrderBy(t => t.ThemeId).Select(t => t.ThemeId).ToListAsync(cancellationToken);

    /// <summary>
    /// Replaces the group's themes by the known ones among <paramref name="themeIds"/> (unknown ids are dropped, so a forged
    /// form changes nothing else). Joins the caller's transaction; the caller saves.
    /// </summary>
    public async Task SetAsync(long groupId, IEnumerable<string>? themeIds, CancellationToken cancellationToken)
    {
        var known = (await ChoicesAsync(cancellationToken)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = (themeIds ?? []).Where(known.Contains).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var current = await db.Set<GroupTheme>().Where(t => t.GroupId == groupId).ToListAsync(cancellationToken);
        db.RemoveRange(current.Where(t => !wanted.Contains(t.ThemeId)));
        foreach (var id in wanted.Where(id => current.All(t => t.ThemeId != id)))
        {
            db.Add(new GroupTheme { GroupId = groupId, ThemeId = id });
        }
    }
}
