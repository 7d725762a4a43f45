using Academy.Core.Background;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Jobs;

/// <summary>Work due at a time (a workflow timer, the end of a hold), identified by (Kind, Key).</summary>
public class ScheduledJob : ILeasedWork
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public DateTime DueUtc { get; set; }
    public string? Payload { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public int Attempts { get; set; }
    /// <summary>After a failure: when to try again (DueUtc keeps the time the job was meant for).</summary>
    public DateTime? NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? CompletedUtc { get; set; }
    /// <summary>Set when the job failed too often; it is then no longer tried.</summary>
    public DateTime? FailedUtc { get; set; }
}

public sealed class JobsModel : IModelContributor
{
    public const string Table = "ScheduledJobs";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduledJob>(e =>
        {
            e.ToTable(Table);
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(64).IsRequired();
            e.Property(x => x.Key).HasMaxLength(200).IsRequired();
            e.Property(x => x.LeaseOwner).HasMaxLength(200);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
            e.HasIndex(x => new { x.CompletedUtc, x.DueUtc });
        });
    }
}
