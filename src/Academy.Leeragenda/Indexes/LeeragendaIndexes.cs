using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Leeragenda.Indexes;

/// <summary>One row per published offering: what the catalogue filters and sorts on.</summary>
public class OfferingIndex
{
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? OrganiserId { get; set; }
    public string Form { get; set; } = "";
    public decimal CostEuros { get; set; }
    public bool IsFree { get; set; }
    /// <summary>
    /// Unused since the text filter searches the index (issue 14); left empty on every publish. The column stays because
    /// released databases have it (NOT NULL) and the released migration step creates it; nothing reads it.
    /// </summary>
    public string SearchText { get; set; } = "";
    public DateTime PublishedUtc { get; set; }
}

/// <summary>A thema or doelgroep term of a published offering.</summary>
public class OfferingTermIndex
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string Taxonomy { get; set; } = "";
    public string TermId { get; set; } = "";
}

public class EditionIndex
{
    public string EditionId { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
}

public class SessionIndex
{
    public string SessionId { get; set; } = "";
    public string EditionId { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string? Place { get; set; }
    public bool IsOnline { get; set; }
}

public sealed class LeeragendaModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OfferingIndex>(e =>
        {
            e.ToTable("OfferingIndex");
            e.HasKey(x => x.ContentItemId);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.OrganiserId).HasMaxLength(64);
            e.Property(x => x.Form).HasMaxLength(16);
            e.Property(x => x.CostEuros).HasPrecision(10, 2);
            e.Property(x => x.SearchText).HasMaxLength(3000);
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.ContentType);
            e.HasIndex(x => x.OrganiserId);
        });
        modelBuilder.Entity<OfferingTermIndex>(e =>
        {
            e.ToTable("OfferingTermIndex");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.Taxonomy).HasMaxLength(64);
            e.Property(x => x.TermId).HasMaxLength(64);
            e.HasIndex(x => new { x.Taxonomy, x.TermId, x.ContentItemId });
            e.HasIndex(x => x.ContentItemId);
        });
        modelBuilder.Entity<EditionIndex>(e =>
        {
            e.ToTable("EditionIndex");
            e.HasKey(x => x.EditionId);
            e.Property(x => x.EditionId).HasMaxLength(100);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.ContentItemId);
        });
        modelBuilder.Entity<SessionIndex>(e =>
        {
            e.ToTable("SessionIndex");
            e.HasKey(x => x.SessionId);
            e.Property(x => x.SessionId).HasMaxLength(120);
            e.Property(x => x.EditionId).HasMaxLength(100);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.Place).HasMaxLength(100);
            e.HasIndex(x => new { x.EndUtc, x.StartUtc });
            e.HasIndex(x => x.ContentItemId);
            e.HasIndex(x => x.EditionId);
        });
    }
}
