using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Models;

public sealed class WorkflowsModel : IModelContributor
{
    public const string TypesTable = "WorkflowTypes";
    public const string VersionsTable = "WorkflowTypeVersions";
    public const string InstancesTable = "WorkflowInstances";
    public const string StartIndexTable = "WorkflowStartIndex";
    public const string BlockingIndexTable = "WorkflowBlockingIndex";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowTypeRecord>(e =>
        {
            e.ToTable(TypesTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkflowTypeVersionRecord>(e =>
        {
            e.ToTable(VersionsTable);
            e.HasKey(x => new { x.TypeId, x.Version });
            e.Property(x => x.TypeId).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<WorkflowStartIndexRecord>(e =>
        {
            e.ToTable(StartIndexTable);
            e.HasKey(x => new { x.TypeId, x.Version, x.ActivityId });
            e.Property(x => x.TypeId).HasMaxLength(100);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.EventType).HasMaxLength(100);
            e.HasIndex(x => x.EventType);
        });
        modelBuilder.Entity<WorkflowBlockingIndexRecord>(e =>
        {
            e.ToTable(BlockingIndexTable);
            e.HasKey(x => new { x.InstanceId, x.ActivityId });
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.ActivityType).HasMaxLength(100);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.HasIndex(x => new { x.CorrelationId, x.ActivityType });
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable(InstancesTable);
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
