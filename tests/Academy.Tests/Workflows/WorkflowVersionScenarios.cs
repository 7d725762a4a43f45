using System.Net;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Migrations;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>Versions of workflow types, the start and blocking indexes, and the migration step that fills them (SQLite and PostgreSQL).</summary>
public static class WorkflowVersionScenarios
{
    /// <summary>Waits for WfVersionGo, then mails; version 2 sets a variable first and mails another subject.</summary>
    private static string Versioned(int version) => $$$"""
        { "Id": "versie-test", "Name": "Versies", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "WfVersion", "IsStart": true },
            { "Id": "wacht", "Type": "WfVersionGo" },
            {{{(version == 1 ? "" : """{ "Id": "zet", "Type": "SetVariable", "Properties": { "Name": "Stap", "Value": "twee" } },""")}}}
            { "Id": "mail", "Type": "SendEmail", "Properties": { "To": "versie@example.nl", "Subject": "Versie {{{version}}}", "Body": "Gestart op versie {{ Workflow.Version }}." } }
          ],
          "Transitions": [ { "From": "start", "To": "wacht" },
            {{{(version == 1 ? """{ "From": "wacht", "To": "mail" }""" : """{ "From": "wacht", "To": "zet" }, { "From": "zet", "To": "mail" }""")}}} ] }
        """;

    /// <summary>An instance started on version 1 finishes on version 1 after the type is edited; a new one runs on version 2.</summary>
    public static async Task InstanceFinishesOnTheVersionItStartedOn(WorkflowSite site, Browser admin)
    {
        Assert.Equal(WorkflowTypeSave.Created, await SaveAsync(site, Versioned(1)));
        await site.RaiseAsync("WfVersion", new { }, "v-1");
        var first = Assert.Single(await site.InstancesAsync("versie-test"));
        Assert.Equal((WorkflowStatus.Blocked, 1), (first.Status, first.WorkflowTypeVersion));

        // Edited in the admin: a new version.
        var editor = await admin.GetAsync("/admin/workflows/versie-test");
        Assert.Contains("Versie 1.", editor.Document.QuerySelector("#versie")!.TextContent);
        var saved = await admin.SubmitAsync(editor.Form().Set("json", Versioned(2)));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        editor = await admin.GetAsync(saved.Location!);
        Assert.Contains("versie 2", editor.StatusMessage);
        Assert.Contains("Versie 2.", editor.Document.QuerySelector("#versie")!.TextContent);
        Assert.Contains("Nog 1 niet-afgeronde instantie(s) op een oudere versie.", editor.Document.QuerySelector("#versie")!.TextContent);
        var type = await TypeAsync(site, "versie-test");
        Assert.Equal(2, type.LatestVersion);

        await site.RaiseAsync("WfVersion", new { }, "v-2");
        var second = (await site.InstancesAsync("versie-test")).Single(i => i.CorrelationId == "v-2");
        Assert.Equal((WorkflowStatus.Blocked, 2), (second.Status, second.WorkflowTypeVersion));

        await site.RaiseAsync("WfVersionGo", new { }, "v-1");
        await site.RaiseAsync("WfVersionGo", new { }, "v-2");
        var instances = await site.InstancesAsync("versie-test");
        first = instances.Single(i => i.CorrelationId == "v-1");
        second = instances.Single(i => i.CorrelationId == "v-2");
        Assert.Equal((WorkflowStatus.Finished, 1), (first.Status, first.WorkflowTypeVersion));
        Assert.Equal((WorkflowStatus.Finished, 2), (second.Status, second.WorkflowTypeVersion));
        var firstMail = Assert.Single(site.Mail.For(first.Id));
        Assert.Equal("Versie 1", firstMail.Subject);
        Assert.Contains("Gestart op versie 1.", firstMail.TextBody);
        Assert.Equal(["start", "wacht", "wacht", "mail"], (await site.JournalAsync(first.Id)).Select(j => j.ActivityId));
        Assert.DoesNotContain("Stap", first.VariablesJson);
        Assert.Equal("Versie 2", Assert.Single(site.Mail.For(second.Id)).Subject);
        Assert.Contains("\"Stap\":\"twee\"", second.VariablesJson);
        var page = await admin.GetAsync($"/admin/workflows/instanties/{first.Id}");
        Assert.Equal("1", page.Document.QuerySelector("#instantie-versie")!.TextContent.Trim());

        // The same definition again (as an import would bring it, formatted differently, or only switched off) makes no new version.
        Assert.Equal(WorkflowTypeSave.Updated, await SaveAsync(site, WorkflowTypeStore.Format(JsonNode.Parse(Versioned(2))!)));
        var formatted = WorkflowTypeStore.Format(JsonNode.Parse(Versioned(2))!);
        Assert.Equal(WorkflowTypeSave.Unchanged, await SaveAsync(site, formatted));
        Assert.Equal(WorkflowTypeSave.Updated, await SaveAsync(site, formatted.Replace("\"IsEnabled\": true", "\"IsEnabled\": false")));
        type = await TypeAsync(site, "versie-test");
        Assert.Equal((2, false), (type.LatestVersion, type.IsEnabled));
        var versions = await site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().VersionsAsync("versie-test"));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.NotEqual(versions[0].Hash, versions[1].Hash);
    }

    /// <summary>
    /// Starts come from the start index, not from a search of the JSON: an event name in a mail body or a property value
    /// starts nothing, and only the indexed start activity of the newest version counts.
    /// </summary>
    public static async Task StartLookupUsesTheIndex(WorkflowSite site)
    {
        await site.SaveTypeAsync("""
            { "Id": "index-test", "Name": "Index", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "WfIndexOther", "IsStart": true },
                { "Id": "mail", "Type": "SendEmail", "Properties": { "To": "index@example.nl", "Subject": "WfIndex",
                    "Body": "Deze mail noemt \"WfIndex\" en WfIndex, maar start er niet op." } }
              ],
              "Transitions": [ { "From": "start", "To": "mail" } ] }
            """);
        var starts = await site.WithScopeAsync(s => s.GetRequiredService<AcademyDbContext>().Set<WorkflowStartIndexRecord>().AsNoTracking()
            .Where(r => r.TypeId == "index-test").ToListAsync());
        var row = Assert.Single(starts);
        Assert.Equal(("start", "WfIndexOther", 1), (row.ActivityId, row.EventType, row.Version));
        Assert.Empty(await site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().StartsOnAsync("WfIndex")));

        await site.RaiseAsync("WfIndex", new { }, "i-1");
        Assert.Empty(await site.InstancesAsync("index-test"));

        // The JSON column is not what the engine reads: written behind the store's back, it starts nothing.
        await site.WithScopeAsync(s => s.GetRequiredService<AcademyDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE \"WorkflowTypes\" SET \"Json\" = REPLACE(\"Json\", 'WfIndexOther', 'WfIndex') WHERE \"Id\" = 'index-test'"));
        await site.RaiseAsync("WfIndex", new { }, "i-2");
        Assert.Empty(await site.InstancesAsync("index-test"));

        await site.RaiseAsync("WfIndexOther", new { }, "i-3");
        var instance = Assert.Single(await site.InstancesAsync("index-test"));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);

        // A switched-off type is not found, a switched-on one again.
        await site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().SetEnabledAsync("index-test", false));
        Assert.Empty(await site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().StartsOnAsync("WfIndexOther")));
        await site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().SetEnabledAsync("index-test", true));
        Assert.Equal([("index-test", 1)], await site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().StartsOnAsync("WfIndexOther")));
    }

    private const string Migrated = """
        { "Id": "migratie-test", "Name": "Migratie", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "WfMigrate", "IsStart": true },
            { "Id": "goed", "Type": "Signal", "Properties": { "Signal": "Approve" } },
            { "Id": "door", "Type": "WfMigrateGo" },
            { "Id": "via-signaal", "Type": "SetVariable", "Properties": { "Name": "Route", "Value": "signaal" } },
            { "Id": "via-gebeurtenis", "Type": "SetVariable", "Properties": { "Name": "Route", "Value": "gebeurtenis" } }
          ],
          "Transitions": [ { "From": "start", "To": "goed" }, { "From": "start", "To": "door" },
            { "From": "goed", "To": "via-signaal" }, { "From": "door", "To": "via-gebeurtenis" } ] }
        """;

    /// <summary>Written by an earlier release: comments in the JSON, and the start event only named in a property too.</summary>
    private const string OldWithComments = """
        // Kept as the administrator typed it.
        { "Id": "migratie-oud", "Name": "Oud", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "WfMigrateOld", "IsStart": true }, /* the start */
            { "Id": "zet", "Type": "SetVariable", "Properties": { "Name": "Over", "Value": "WfMigrate" } },
          ],
          "Transitions": [ { "From": "start", "To": "zet" } ] }
        """;

    /// <summary>
    /// A database at the previous schema version of the Workflows module (no versions, no indexes) with types and blocked
    /// instances in it: the new migration step makes every type version 1, fills both indexes, and the engine carries on.
    /// </summary>
    public static async Task MigrationStepFillsTheIndexes(WorkflowSite site)
    {
        await site.SaveTypeAsync(Migrated);
        await site.RaiseAsync("WfMigrate", new { }, "m-1");
        await site.RaiseAsync("WfMigrate", new { }, "m-2");
        Assert.All(await site.InstancesAsync("migratie-test"), i => Assert.Equal(WorkflowStatus.Blocked, i.Status));

        await site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AcademyDbContext>();
            foreach (var table in new[] { WorkflowsModel.VersionsTable, WorkflowsModel.StartIndexTable, WorkflowsModel.BlockingIndexTable })
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{table}\"");
            }
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"WorkflowTypes\" DROP COLUMN \"LatestVersion\"");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"WorkflowInstances\" DROP COLUMN \"WorkflowTypeVersion\"");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"SchemaVersions\" SET \"Version\" = 1 WHERE \"Module\" = 'Academy.Workflows'");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"WorkflowTypes\" (\"Id\", \"Name\", \"IsEnabled\", \"Json\", \"UpdatedUtc\", \"Version\") VALUES ('migratie-oud', 'Oud', {0}, {1}, {2}, 1)",
                true, OldWithComments, DateTime.UtcNow);
            return true;
        });

        await site.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await s.GetRequiredService<SchemaMigrator>().MigrateAsync();
            return true;
        });

        var (schema, types, versions, starts, blocking, instances) = await site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AcademyDbContext>();
            return (
                await db.SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == "Academy.Workflows"),
                await db.Set<WorkflowTypeRecord>().AsNoTracking().ToListAsync(),
                await db.Set<WorkflowTypeVersionRecord>().AsNoTracking().ToListAsync(),
                await db.Set<WorkflowStartIndexRecord>().AsNoTracking().ToListAsync(),
                await db.Set<WorkflowBlockingIndexRecord>().AsNoTracking().ToListAsync(),
                await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.WorkflowTypeId == "migratie-test").OrderBy(i => i.Id).ToListAsync());
        });
        Assert.Equal(new WorkflowsMigration().Steps.Count, schema.Version);
        Assert.All(types, t => Assert.Equal(1, t.LatestVersion));
        Assert.Equal(types.Select(t => t.Id).Order(), versions.Select(v => v.TypeId).Order());
        Assert.All(versions, v => Assert.Equal((1, 64), (v.Version, v.Hash.Length)));
        Assert.Equal(OldWithComments, versions.Single(v => v.TypeId == "migratie-oud").Json);
        Assert.Equal(("start", "WfMigrateOld"), starts.Where(r => r.TypeId == "migratie-oud").Select(r => (r.ActivityId, r.EventType)).Single());
        Assert.Equal(("start", "WfMigrate"), starts.Where(r => r.TypeId == "migratie-test").Select(r => (r.ActivityId, r.EventType)).Single());
        Assert.Contains(starts, r => r.TypeId == "aanmelding-bevestigen" && r.EventType == "EnrolmentConfirmed");
        Assert.All(instances, i => Assert.Equal(1, i.WorkflowTypeVersion));
        foreach (var instance in instances)
        {
            var rows = blocking.Where(b => b.InstanceId == instance.Id).OrderBy(b => b.ActivityId).Select(b => (b.ActivityId, b.ActivityType, b.CorrelationId, b.Signal));
            Assert.Equal([("door", "WfMigrateGo", instance.CorrelationId, (string?)null), ("goed", "Signal", instance.CorrelationId, "approve")], rows);
        }

        // The engine carries on with what the step wrote.
        Assert.Equal(1, await site.WithScopeAsync(s => s.GetRequiredService<IWorkflowSignaller>().SignalAsync("m-1", "approve")));
        await site.RaiseAsync("WfMigrateGo", new { }, "m-2");
        instances = await site.InstancesAsync("migratie-test");
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Contains("\"Route\":\"signaal\"", instances[0].VariablesJson);
        Assert.Contains("\"Route\":\"gebeurtenis\"", instances[1].VariablesJson);
        Assert.Empty(await site.WithScopeAsync(s => s.GetRequiredService<AcademyDbContext>().Set<WorkflowBlockingIndexRecord>().AsNoTracking()
            .Where(b => b.CorrelationId == "m-1" || b.CorrelationId == "m-2").ToListAsync()));
        await site.RaiseAsync("WfMigrateOld", new { }, "o-1");
        var old = Assert.Single(await site.InstancesAsync("migratie-oud"));
        Assert.Equal((WorkflowStatus.Finished, 1), (old.Status, old.WorkflowTypeVersion));

        // Editing after the upgrade makes version 2.
        Assert.Equal(WorkflowTypeSave.NewVersion, await SaveAsync(site, Migrated.Replace("\"gebeurtenis\"", "\"event\"")));
        Assert.Equal(2, (await TypeAsync(site, "migratie-test")).LatestVersion);
    }

    private static Task<WorkflowTypeSave> SaveAsync(WorkflowSite site, string json) => site.WithScopeAsync(services =>
    {
        var definition = services.GetRequiredService<WorkflowValidator>().Validate(json).Definition!;
        return services.GetRequiredService<WorkflowTypeStore>().SaveVersionAsync(definition, json, expectedVersion: null);
    });

    private static async Task<WorkflowTypeRecord> TypeAsync(WorkflowSite site, string id) =>
        (await site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync(id)))!;
}
