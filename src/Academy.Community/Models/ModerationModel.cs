using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Models;

/// <summary>
/// The moderation tables (reports and the audit trail), and the moderation columns of the community's own tables: a
/// post's hold and a group's setting for approving first posts (added to existing sites by an AddColumns step).
/// </summary>
public sealed class ModerationModel : IModelContributor
{
    public const string Reports = "CommunityReports";
    public const string Log = "CommunityModerationLog";

    public static readonly string[] AllTables = [Reports, Log];

    public const int MaxReasonLength = 500;
    public const int MaxExplanationLength = 1000;

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<Topic>().Property(t => t.Hold).HasConversion<string>().HasMaxLength(24);
        builder.Entity<Reply>().Property(r => r.Hold).HasConversion<string>().HasMaxLength(24);
        // Existing groups get false: nothing is held until a group manager switches it on.
        builder.Entity<CommunityGroup>().Property(g => g.ApproveFirstPosts).HasDefaultValue(false);

        builder.Entity<PostReport>(b =>
        {
            b.ToTable(Reports);
            b.HasKey(r => r.Id);
            b.Property(r => r.ReporterUserId).HasMaxLength(450).IsRequired();
            b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Explanation).HasMaxLength(MaxExplanationLength);
            b.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
            // One open report per person per post, also when two arrive at once.
            b.HasIndex(r => new { r.TopicId, r.ReplyId, r.ReporterUserId }).IsUnique().HasFilter("\"ResolvedUtc\" IS NULL");
            b.HasIndex(r => new { r.GroupId, r.ResolvedUtc });
            b.HasIndex(r => r.ReporterUserId);
        });
        builder.Entity<ModerationEntry>(b =>
        {
            b.ToTable(Log);
            b.HasKey(e => e.Id);
            b.Property(e => e.ActorUserId).HasMaxLength(450);
            b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.Reason).HasMaxLength(MaxReasonLength);
            b.HasOne<Topic>().WithMany().HasForeignKey(e => e.TopicId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(e => new { e.TopicId, e.ReplyId, e.CreatedUtc });
            b.HasIndex(e => e.ActorUserId);
        });
    }
}
