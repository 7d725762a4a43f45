using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Migrations;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Enrolment.Migrations;
using Academy.Enrolment.Models;
using Academy.Leeragenda.Abstractions;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Content;

/// <summary>
/// A site set up before issue 10 stored the enrolment policy, completion rule and accreditations inside OfferingPart.
/// The Enrolment and Accreditation migrations move them into EnrolmentPart and AccreditationPart, so the site keeps its
/// offerings' settings. The old shape is written by hand into a freshly set-up site, whose module versions are then put
/// back to before the step. Runs on SQLite and on PostgreSQL (the subclasses below).
/// </summary>
public abstract class OfferingPartSplitMigrationTests : IAsyncLifetime
{
    private static readonly string[] Moved = ["RequiresApproval", "CancellationDays", "CompletionRule", "CompletionPercent", "Accreditations"];
    private AcademyFactory? _factory;

    protected AcademyFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<AcademyFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => _factory = await CreateFactoryAsync();

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_earlier_site_keeps_its_offerings_enrolment_and_accreditation_settings()
    {
        _ = Factory.Server;
        var expected = await WriteOldShapeAsync();
        // The old shape really is old: the settings sit in OfferingPart, and no item has the new parts.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var old = (await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().ContentItems.AsNoTracking().ToListAsync())
                .Select(r => JsonNode.Parse(r.Content)!.AsObject()).ToList();
            Assert.Contains(old, c => c["OfferingPart"]?["RequiresApproval"] is not null);
            Assert.Contains(old, c => c["OfferingPart"]?["Accreditations"] is JsonArray { Count: > 0 });
            Assert.DoesNotContain(old, c => c.ContainsKey("EnrolmentPart") || c.ContainsKey("AccreditationPart"));
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().Invalidate();
        }

        await using var check = Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AcademyDbContext>();
        // Every version of every item (drafts and old versions too) is back in today's shape, exactly as set up.
        var rows = await db.ContentItems.AsNoTracking().ToListAsync();
        foreach (var row in rows.Where(r => expected.ContainsKey(r.Id)))
        {
            var migrated = JsonNode.Parse(row.Content)!.AsObject();
            Assert.True(JsonNode.DeepEquals(expected[row.Id].Content, migrated), $"{row.ContentItemId}: {row.Content}");
            Assert.DoesNotContain(Moved, key => migrated["OfferingPart"] is JsonObject o && o.ContainsKey(key));
        }
        var types = await check.ServiceProvider.GetRequiredService<ContentDefinitionManager>().ListTypesByStereotypeAsync("Offering");
        Assert.NotEmpty(types);
        // Each offering type has the new parts again (their order on the page comes from the drivers, not from this list).
        Assert.All(types, t => Assert.Subset(t.Parts.ToHashSet(), new HashSet<string> { "OfferingPart", "EnrolmentPart", "AccreditationPart" }));

        // What the modules read from the published offerings: approval, cancellation, completion and hours as set up.
        var content = check.ServiceProvider.GetRequiredService<ContentManager>();
        var catalog = check.ServiceProvider.GetRequiredService<IEditionCatalog>();
        var approval = expected.Values.First(e => e.Published && e.Content["EnrolmentPart"]?["RequiresApproval"]?.GetValue<bool>() == true);
        var edition = (await catalog.ListForOfferingAsync(approval.ContentItemId)).First();
        Assert.True(edition.RequiresApproval());
        Assert.Equal(edition.StartUtc!.Value.AddDays(-approval.Content["EnrolmentPart"]!["CancellationDays"]!.GetValue<int>()), edition.CancellationDeadlineUtc());
        var accredited = expected.Values.First(e => e.Published && e.Content["AccreditationPart"]?["Accreditations"] is JsonArray { Count: > 0 });
        var stored = (await content.GetAsync(accredited.ContentItemId))!.As<AccreditationPart>();
        Assert.Equal(accredited.Content["AccreditationPart"]!["Accreditations"]!.AsArray().Count, stored.Accreditations.Count);
        Assert.True(stored.Accreditations.All(a => a.Hours > 0 && a.RegisterId.Length > 0));
        Assert.Contains(expected.Values, e => e.Content["AccreditationPart"]?["CompletionRule"]?.GetValue<string>() == "MarkedComplete");
        var marked = expected.Values.First(e => e.Published && e.Content["AccreditationPart"]?["CompletionRule"]?.GetValue<string>() == "MarkedComplete");
        Assert.Equal(CompletionRuleKind.MarkedComplete, (await content.GetAsync(marked.ContentItemId))!.As<AccreditationPart>().CompletionRule);
    }

    private sealed record Expected(string ContentItemId, bool Published, JsonObject Content);

    /// <summary>Rewrites the set-up site in the shape of the release before the split; returns today's content per row.</summary>
    private async Task<Dictionary<long, Expected>> WriteOldShapeAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        foreach (var record in await db.ContentDefinitions.Where(r => r.Kind == "Type").ToListAsync())
        {
            var type = JsonSerializer.Deserialize<ContentTypeDefinition>(record.Json, ContentJson.Options)!;
            type.Parts.RemoveAll(p => p is "EnrolmentPart" or "AccreditationPart");
            record.Json = JsonSerializer.Serialize(type, ContentJson.Options);
        }
        var expected = new Dictionary<long, Expected>();
        foreach (var row in await db.ContentItems.ToListAsync())
        {
            var content = JsonNode.Parse(row.Content)!.AsObject();
            if (content["OfferingPart"] is not JsonObject offering)
            {
                continue;
            }
            expected[row.Id] = new Expected(row.ContentItemId, row.Published, (JsonObject)content.DeepClone());
            foreach (var part in new[] { "EnrolmentPart", "AccreditationPart" })
            {
                if (content[part] is JsonObject moved)
                {
                    foreach (var (key, value) in moved.ToList())
                    {
                        moved.Remove(key);
                        offering[key] = value;
                    }
                    content.Remove(part);
                }
            }
            row.Content = content.ToJsonString(ContentJson.Options);
        }
        foreach (var (module, step) in new[] { ("Academy.Enrolment", EnrolmentMigration.OfferingPartSplitStep), ("Academy.Accreditation", AccreditationMigration.OfferingPartSplitStep) })
        {
            (await db.SchemaVersions.SingleAsync(v => v.Module == module)).Version = step;
        }
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().Invalidate();
        return expected;
    }
}

public sealed class OfferingPartSplitMigrationSqliteTests : OfferingPartSplitMigrationTests
{
    protected override Task<AcademyFactory> CreateFactoryAsync() => Task.FromResult(new AcademyFactory());
}

public sealed class OfferingPartSplitMigrationPostgresTests(PostgresFixture postgres) : OfferingPartSplitMigrationTests, IClassFixture<PostgresFixture>
{
    protected override async Task<AcademyFactory> CreateFactoryAsync() =>
        new AcademyFactory(await postgres.CreateDatabaseAsync("part_split"));
}
