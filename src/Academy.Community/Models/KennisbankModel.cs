using Academy.Core.Content;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Models;

/// <summary>
/// The part that makes a content item a kennisbank article: the group it belongs to (its slug; empty: the whole
/// community) and who may read it. The group is fixed once the article exists (its files live in that group).
/// </summary>
public sealed class KennisbankArticlePart : ContentPart
{
    /// <summary>The group's slug (slugs never change); empty for a site-wide article.</summary>
    public string Group { get; set; } = "";

    public AccessLevel Access { get; set; } = AccessLevel.Professionals;
}

/// <summary>
/// One row per article, written by <see cref="Services.KennisbankContentHandler"/> in the transaction that saves the
/// content item, so the access rule can be a query condition (the item itself is a JSON document).
/// Title and access are the published version's; before the first publication, the draft's.
/// </summary>
public sealed class ArticleIndex
{
    public string ContentItemId { get; set; } = "";
    /// <summary>Null: a site-wide article.</summary>
    public long? GroupId { get; set; }
    public string Title { get; set; } = "";
    public AccessLevel Access { get; set; }
    public bool Published { get; set; }
    /// <summary>The latest version is a draft not yet published (shown to the article's writers only).</summary>
    public bool HasDraft { get; set; }
    /// <summary>Who started the article (account id); null for recipe articles, "verwijderd" after erasure.</summary>
    public string? AuthorUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
}

/// <summary>What kind of file an upload turned out to be (from its content, not only its name).</summary>
public enum FileKind
{
    Pdf,
    Word,
    Excel,
    PowerPoint,
    OpenDocument,
    Image,
}

/// <summary>
/// A file in a group (no article) or attached to an article. Stored under "community/files/{StorageKey}/"; images are
/// kept only as WebP versions without metadata. <see cref="Access"/> is the file's own level; an attachment can be
/// read only when its article can be read too.
/// </summary>
public sealed class CommunityFile
{
    public long Id { get; set; }
    public long? GroupId { get; set; }
    public string? ArticleId { get; set; }
    public AccessLevel Access { get; set; }
    public string FileName { get; set; } = "";
    public string MediaType { get; set; } = "";
    public FileKind Kind { get; set; }
    public long SizeBytes { get; set; }
    public string StorageKey { get; set; } = "";
    public string UploaderUserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The tables of the kennisbank and files (a model contributor of its own; docs/community.md).</summary>
public sealed class KennisbankModel : IModelContributor
{
    public const string Articles = "CommunityArticles";
    public const string Files = "CommunityFiles";

    public static readonly string[] AllTables = [Articles, Files];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<ArticleIndex>(b =>
        {
            b.ToTable(Articles);
            b.HasKey(a => a.ContentItemId);
            b.Property(a => a.ContentItemId).HasMaxLength(64);
            b.Property(a => a.Title).HasMaxLength(300).IsRequired();
            b.Property(a => a.Access).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.AuthorUserId).HasMaxLength(450);
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.GroupId, a.Published, a.PublishedUtc });
            b.HasIndex(a => a.AuthorUserId);
        });
        builder.Entity<CommunityFile>(b =>
        {
            b.ToTable(Files);
            b.HasKey(f => f.Id);
            b.Property(f => f.ArticleId).HasMaxLength(64);
            b.Property(f => f.Access).HasConversion<string>().HasMaxLength(16);
            b.Property(f => f.FileName).HasMaxLength(200).IsRequired();
            b.Property(f => f.MediaType).HasMaxLength(100).IsRequired();
            b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(f => f.StorageKey).HasMaxLength(32).IsRequired();
            b.Property(f => f.UploaderUserId).HasMaxLength(450).IsRequired();
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(f => new { f.GroupId, f.ArticleId, f.CreatedUtc });
            b.HasIndex(f => f.ArticleId);
            b.HasIndex(f => f.UploaderUserId);
        });
    }
}

/// <summary>The content type of kennisbank articles, installed by the Community migration when a site lacks it.</summary>
public static class KennisbankTypes
{
    public const string Article = "KennisbankArticle";

    public static ContentTypeDefinition Definition() => new()
    {
        Name = Article,
        DisplayName = "Kennisbankartikel",
        Stereotype = Article,
        // Draftable: a writer saves a concept and publishes it later; every save of a published article is a new version.
        Settings = new ContentTypeSettings { Creatable = true, Draftable = true, Listable = false },
        Parts = [nameof(TitlePart), nameof(MarkdownBodyPart), nameof(KennisbankArticlePart)],
    };
}
