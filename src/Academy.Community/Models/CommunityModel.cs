using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Academy.Community.Models;

/// <summary>The Community module's tables.</summary>
public sealed class CommunityModel : IModelContributor
{
    public const string Groups = "CommunityGroups";
    public const string Memberships = "CommunityMemberships";
    public const string Topics = "CommunityTopics";
    public const string Replies = "CommunityReplies";
    public const string Revisions = "CommunityRevisions";
    public const string Reactions = "CommunityReactions";
    public const string Follows = "CommunityFollows";
    public const string PrivacyFindings = "CommunityPrivacyFindings";

    public static readonly string[] AllTables = [Groups, Memberships, Topics, Replies, Revisions, Reactions, Follows, PrivacyFindings];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<CommunityGroup>(b =>
        {
            b.ToTable(Groups);
            b.HasKey(g => g.Id);
            b.Property(g => g.Slug).HasMaxLength(80).IsRequired();
            b.Property(g => g.Name).HasMaxLength(120).IsRequired();
            b.Property(g => g.Description).HasMaxLength(4000).IsRequired();
            // Stored as text, so the table reads well in a database tool.
            b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(g => g.JoinPolicy).HasConversion<string>().HasMaxLength(16);
            b.Property(g => g.Access).HasConversion<string>().HasMaxLength(16);
            b.Ignore(g => g.GuardsPrivacy);
            b.HasIndex(g => g.Slug).IsUnique();
        });
        builder.Entity<GroupMembership>(b =>
        {
            b.ToTable(Memberships);
            b.HasKey(m => new { m.GroupId, m.UserId });
            b.Property(m => m.UserId).HasMaxLength(450);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => m.UserId);
        });
        builder.Entity<Topic>(b =>
        {
            b.ToTable(Topics);
            b.HasKey(t => t.Id);
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.Body).IsRequired();
            b.Property(t => t.AuthorUserId).HasMaxLength(450).IsRequired();
            b.Property(t => t.Access).HasConversion<string>().HasMaxLength(16);
            // Existing topics start at 0; only the triggers write it, never an update through EF (an old value written
            // back would bring old pages back from TopicPostCache).
            b.Property(t => t.PostsVersion).HasDefaultValue(0L).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(t => new { t.GroupId, t.IsPinned, t.LastActivityUtc });
            b.HasIndex(t => t.AuthorUserId);
        });
        builder.Entity<Reply>(b =>
        {
            b.ToTable(Replies);
            b.HasKey(r => r.Id);
            b.Property(r => r.AuthorUserId).HasMaxLength(450).IsRequired();
            b.Property(r => r.Body).IsRequired();
            b.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.TopicId, r.CreatedUtc });
            b.HasIndex(r => r.AuthorUserId);
        });
        builder.Entity<PostRevision>(b =>
        {
            b.ToTable(Revisions);
            b.HasKey(r => r.Id);
            b.Property(r => r.EditorUserId).HasMaxLength(450).IsRequired();
            b.Property(r => r.PreviousTitle).HasMaxLength(200);
            b.Property(r => r.PreviousBody).IsRequired();
            b.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.TopicId, r.ReplyId, r.EditedUtc });
        });
        builder.Entity<UsefulReaction>(b =>
        {
            b.ToTable(Reactions);
            b.HasKey(r => new { r.TopicId, r.ReplyId, r.UserId });
            b.Property(r => r.UserId).HasMaxLength(450);
            b.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => r.UserId);
        });
        builder.Entity<Follow>(b =>
        {
            b.ToTable(Follows);
            b.HasKey(f => new { f.UserId, f.Target, f.TargetId });
            b.Property(f => f.UserId).HasMaxLength(450);
            b.Property(f => f.Target).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(f => new { f.Target, f.TargetId });
        });
        builder.Entity<PrivacyFindingRecord>(b =>
        {
            b.ToTable(PrivacyFindings);
            b.HasKey(f => f.Id);
            b.Property(f => f.Kinds).HasMaxLength(200).IsRequired();
        });
    }
}
