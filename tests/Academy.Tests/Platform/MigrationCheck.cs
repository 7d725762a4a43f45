using Academy.Core.Data;
using Academy.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

/// <summary>Turns a migrated site back into what Core's first schema step made, then migrates it again.</summary>
public static class MigrationCheck
{
    private static readonly string[] AddedOutboxColumns = ["LeaseUntilUtc", "LeaseOwner", "NextAttemptUtc", "LastError", "FailedUtc"];

    public static async Task UpgradeFromFirstCoreStepAsync(PlatformSite site)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ScheduledJobs\"");
            // Core's later steps made this table too; the module defaults it records stay installed.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ModuleDefaults\"");
            foreach (var column in AddedOutboxColumns)
            {
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"Outbox\" DROP COLUMN \"{column}\"");
            }
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"SchemaVersions\" SET \"Version\" = 1 WHERE \"Module\" = '{CoreMigration.ModuleName}'");
        }
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            // Running it again finds nothing to do.
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }
        var version = await site.WithDbAsync(db => db.SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == CoreMigration.ModuleName));
        Assert.Equal(new CoreMigration().Steps.Count, version.Version);
        // The upgraded tables are usable: old messages are dispatched, jobs can be stored.
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<Academy.Core.Jobs.ScheduledJob>().CountAsync()));
        Assert.True(await site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.LeaseOwner == null && m.FailedUtc == null)));
    }
}
