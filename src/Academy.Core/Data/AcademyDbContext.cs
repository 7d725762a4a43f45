using Academy.Core.Content;
using Academy.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Data;

/// <summary>
/// One unit of work for every module. Core owns content, definitions, documents and the outbox;
/// modules add their own tables through <see cref="IModelContributor"/>.
/// </summary>
public class AcademyDbContext(DbContextOptions<AcademyDbContext> options) : DbContext(options)
{
    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<ContentDefinitionRecord> ContentDefinitions => Set<ContentDefinitionRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SchemaVersion> SchemaVersions => Set<SchemaVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContentItemRecord>(e =>
        {
            e.ToTable("ContentItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            e.Property(x => x.ContentItemVersionId).HasMaxLength(64).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(64).IsRequired();
            e.Property(x => x.DisplayText).HasMaxLength(300);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.Author).HasMaxLength(256);
            e.HasIndex(x => x.ContentItemVersionId).IsUnique();
            e.HasIndex(x => new { x.ContentItemId, x.Latest });
            e.HasIndex(x => new { x.ContentItemId, x.Published });
            e.HasIndex(x => new { x.ContentType, x.Published });
        });
        modelBuilder.Entity<ContentDefinitionRecord>(e =>
        {
            e.ToTable("ContentDefinitions");
            e.HasKey(x => new { x.Kind, x.Name });
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(64);
        });
        modelBuilder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(128);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(128).IsRequired();
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.LeaseOwner).HasMaxLength(200);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.ProcessedUtc, x.Id });
        });
        modelBuilder.Entity<SchemaVersion>(e =>
        {
            e.ToTable("SchemaVersions");
            e.HasKey(x => x.Module);
            e.Property(x => x.Module).HasMaxLength(128);
        });
        foreach (var contributor in options.FindExtension<ModelContributors>()?.Contributors ?? [])
        {
            contributor.Configure(modelBuilder);
        }
    }
}

/// <summary>A named JSON document (site settings and other singletons).</summary>
public class DocumentRecord
{
    public string Key { get; set; } = "";
    public string Json { get; set; } = "{}";
}

public class SchemaVersion
{
    public string Module { get; set; } = "";
    public int Version { get; set; }
}
