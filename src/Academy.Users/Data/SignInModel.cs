using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>The server-side sessions and the login failures (schema step 3 of the Users module).</summary>
public sealed class SignInModel : IModelContributor
{
    public const string SessionsTable = "UserSessions";
    public const string FailuresTable = "LoginFailures";

    public static readonly string[] Tables = [SessionsTable, FailuresTable];

    /// <summary>Hex of a SHA-256 hash.</summary>
    public const int KeyLength = 64;

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<UserSession>(b =>
        {
            b.ToTable(SessionsTable);
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(64);
            b.Property(s => s.UserId).IsRequired();
            b.HasIndex(s => s.UserId);
            // Deleting an account ends its sessions.
            b.HasOne<AcademyUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LoginFailure>(b =>
        {
            b.ToTable(FailuresTable);
            b.HasKey(f => f.Id);
            b.Property(f => f.LoginKey).HasMaxLength(KeyLength).IsRequired();
            b.Property(f => f.ClientKey).HasMaxLength(KeyLength).IsRequired();
            b.HasIndex(f => new { f.LoginKey, f.FailedUtc });
            b.HasIndex(f => new { f.ClientKey, f.FailedUtc });
            b.HasIndex(f => f.FailedUtc);
        });
    }
}
