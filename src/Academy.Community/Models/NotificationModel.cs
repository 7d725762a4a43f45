using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Models;

/// <summary>Why a person is told about a post.</summary>
public enum NotificationReason
{
    /// <summary>A new topic in a group the person follows.</summary>
    NewTopic,
    /// <summary>A reply to a topic the person follows or started.</summary>
    Reply,
    /// <summary>The post names the person with <c>@Naam</c>.</summary>
    Mention,
}

/// <summary>How a person wants to hear of community notifications by mail.</summary>
public enum NotificationMail
{
    /// <summary>One mail per notification, sent at once (the default).</summary>
    Immediately,
    Daily,
    Weekly,
    Never,
}

/// <summary>
/// One person told about one post (a community "melding"; not the Werkcentrum's Meldingen module). A post gives each
/// person at most one: (<see cref="UserId"/>, <see cref="PostKey"/>) is unique, so a retried fan-out adds nothing.
/// </summary>
public sealed class CommunityNotification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationReason Reason { get; set; }
    /// <summary>"post:{topicId}:{replyId}" (reply 0 is the opening post).</summary>
    public string PostKey { get; set; } = "";
    public long GroupId { get; set; }
    public string GroupSlug { get; set; } = "";
    public long TopicId { get; set; }
    public long ReplyId { get; set; }
    public string TopicTitle { get; set; } = "";
    public string ActorUserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
    /// <summary>Set when the notification went out by mail (at once or in a digest), so it is mailed once.</summary>
    public DateTime? MailedUtc { get; set; }

    public static string KeyOf(long topicId, long replyId) => $"post:{topicId}:{replyId}";
}

/// <summary>A person's mail choice for community notifications; no row means <see cref="NotificationMail.Immediately"/>.</summary>
public sealed class CommunityNotificationSetting
{
    public string UserId { get; set; } = "";
    public NotificationMail Mail { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The tables of community notifications (issue 13, point 9), added by their own migration step.</summary>
public sealed class CommunityNotificationModel : IModelContributor
{
    public const string Notifications = "CommunityNotifications";
    public const string Settings = "CommunityNotificationSettings";

    public static readonly string[] AllTables = [Notifications, Settings];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<CommunityNotification>(b =>
        {
            b.ToTable(Notifications);
            b.HasKey(n => n.Id);
            b.Property(n => n.UserId).HasMaxLength(450).IsRequired();
            b.Property(n => n.Reason).HasConversion<string>().HasMaxLength(16);
            b.Property(n => n.PostKey).HasMaxLength(64).IsRequired();
            b.Property(n => n.GroupSlug).HasMaxLength(80).IsRequired();
            b.Property(n => n.TopicTitle).HasMaxLength(200).IsRequired();
            b.Property(n => n.ActorUserId).HasMaxLength(450).IsRequired();
            b.HasIndex(n => new { n.UserId, n.PostKey }).IsUnique();
            b.HasIndex(n => new { n.UserId, n.ReadUtc });
            b.HasIndex(n => new { n.MailedUtc, n.CreatedUtc });
        });
        builder.Entity<CommunityNotificationSetting>(b =>
        {
            b.ToTable(Settings);
            b.HasKey(s => s.UserId);
            b.Property(s => s.UserId).HasMaxLength(450);
            b.Property(s => s.Mail).HasConversion<string>().HasMaxLength(16);
        });
    }
}
