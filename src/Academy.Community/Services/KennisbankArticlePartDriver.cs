using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>What the kennisbank part's editor posts.</summary>
public sealed class KennisbankArticlePartInput
{
    /// <summary>The group's slug; empty: the whole community.</summary>
    public string? ArticleGroup { get; set; }
    public AccessLevel? ArticleAccess { get; set; }
    /// <summary>The article exists: its group is shown, not chosen.</summary>
    [BindNever]
    public bool GroupFixed { get; set; }
}

/// <summary>Where the editor lets the writer put an article: the groups the writer manages, and site-wide for moderators.</summary>
public sealed record ArticlePlaces(IReadOnlyList<(string Slug, string Name)> Groups, bool SiteWide);

/// <summary>
/// The editor of <see cref="KennisbankArticlePart"/>: the group (chosen once, from the groups the writer manages) and
/// who may read the article. A posted group the writer does not manage is an error, never saved.
/// </summary>
public sealed class KennisbankArticlePartDriver(KennisbankAccess kennisbank, AcademyDbContext db, IHttpContextAccessor http)
    : ContentPartDriver<KennisbankArticlePart, KennisbankArticlePartInput>
{
    public override int Position => 2;
    public override string EditorView => "~/Views/KennisbankArticlePart/Edit.cshtml";

    private CommunityViewer Viewer => http.HttpContext is { } context ? CommunityViewer.From(context.User) : CommunityViewer.Visitor;

    protected override KennisbankArticlePartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<KennisbankArticlePart>();
        return new() { ArticleGroup = part.Group, ArticleAccess = part.Access, GroupFixed = !isNew };
    }

    protected override async Task UpdateAsync(KennisbankArticlePartInput input, ContentItem item, FormErrors errors)
    {
        var part = item.As<KennisbankArticlePart>();
        input.GroupFixed = await db.Set<ArticleIndex>().AnyAsync(a => a.ContentItemId == item.ContentItemId);
        if (!input.GroupFixed)
        {
            var places = await PlacesAsync();
            var chosen = input.ArticleGroup?.Trim() ?? "";
            if (chosen.Length == 0 ? !places.SiteWide : places.Groups.All(g => g.Slug != chosen))
            {
                errors.Add(nameof(input.ArticleGroup), "Kies een groep uit de lijst.");
            }
            part.Group = chosen;
        }
        input.ArticleGroup = part.Group;
        if (input.ArticleAccess is not { } level || !Enum.IsDefined(level))
        {
            errors.Add(nameof(input.ArticleAccess), "Kies wie het artikel mag lezen.");
        }
        else
        {
            part.Access = level;
        }
        item.Apply(part);
    }

    public override async Task PrepareAsync(PartEditor editor) => editor.Options = await PlacesAsync();

    protected override IEnumerable<string> FieldOrder(KennisbankArticlePartInput input) => [nameof(input.ArticleGroup), nameof(input.ArticleAccess)];

    public override string? FieldFor(string validationKey) => validationKey switch
    {
        "KennisbankArticlePart.Group" => nameof(KennisbankArticlePartInput.ArticleGroup),
        "KennisbankArticlePart.Access" => nameof(KennisbankArticlePartInput.ArticleAccess),
        _ => null,
    };

    private async Task<ArticlePlaces> PlacesAsync()
    {
        var viewer = Viewer;
        var groups = await kennisbank.WritableGroupsAsync(viewer, CancellationToken.None);
        return new ArticlePlaces(groups.Select(g => (g.Slug, g.Name)).ToList(), viewer.Moderates);
    }
}
