using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Models;

/// <summary>
/// The hidden group of one leeragenda edition (a casuïstiekbespreking or intervisie): made when its first participant
/// is confirmed, kept in step with the enrolment events. <see cref="EditionId"/> is the leeragenda's edition id.
/// </summary>
public sealed class EditionGroup
{
    public string EditionId { get; set; } = "";
    public long GroupId { get; set; }
    public string OfferingId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A "thema" term of the leeragenda a group is about: its page shows upcoming offerings of these themes.</summary>
public sealed class GroupTheme
{
    public long GroupId { get; set; }
    /// <summary>A TermId of the leeragenda's "thema" taxonomy (Academy.Leeragenda.Abstractions.IThemeTaxonomy).</summary>
    public string ThemeId { get; set; } = "";
}

/// <summary>The tables of the community's link with the leeragenda: edition groups and group themes.</summary>
public sealed class LinkedGroupsModel : IModelContributor
{
    public const string EditionGroups = "CommunityEditionGroups";
    public const string GroupThemes = "CommunityGroupThemes";

    public static readonly string[] AllTables = [EditionGroups, GroupThemes];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<EditionGroup>(b =>
        {
            b.ToTable(EditionGroups);
            b.HasKey(e => e.EditionId);
            b.Property(e => e.EditionId).HasMaxLength(100);
            b.Property(e => e.OfferingId).HasMaxLength(100).IsRequired();
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(e => e.GroupId).IsUnique();
        });
        builder.Entity<GroupTheme>(b =>
        {
            b.ToTable(GroupThemes);
            b.HasKey(t => new { t.GroupId, t.ThemeId });
            b.Property(t => t.ThemeId).HasMaxLength(100);
            b.HasOne<CommunityGroup>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
