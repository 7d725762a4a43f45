using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Models;

public sealed class WorkflowsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowTypeRecord>(e =>
        {
            e.ToTable("WorkflowTypes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.WorkflowTypeId).HasMaxLength(100);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.FaultedActivityId).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CorrelationId, x.Status });
            e.HasIndex(x => new { x.WorkflowTypeId, x.Status });
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<WorkflowJournalRecord>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.ActivityType).HasMaxLength(100);
            e.Property(x => x.Outcomes).HasMaxLength(500);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
    }
}
