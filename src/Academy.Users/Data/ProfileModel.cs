using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>The UserProfiles table (schema step 4 of the Users module).</summary>
public sealed class ProfileModel : IModelContributor
{
    public const string Table = "UserProfiles";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<UserProfile>(b =>
        {
            b.ToTable(Table);
            b.HasKey(p => p.UserId);
            b.Property(p => p.Function).HasMaxLength(UserProfile.FunctionMaxLength);
            b.Property(p => p.Bio).HasMaxLength(UserProfile.BioMaxLength);
            b.Property(p => p.ExpertiseThemes).HasMaxLength(UserProfile.ThemesMaxLength).IsRequired();
            b.Property(p => p.PhotoVersion).HasMaxLength(32);
            b.Ignore(p => p.Themes);
            b.HasIndex(p => p.VisibleToColleagues);
            // Deleting an account deletes its profile.
            b.HasOne<AcademyUser>().WithOne().HasForeignKey<UserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
