using System.Text.Json.Nodes;
using Academy.Accreditation.Models;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Email;
using Academy.Users;
using Academy.Workflows.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Upgrade;

/// <summary>
/// A site set up with release 1 (commit 740cb5b, tests/releases/release-1) and started with today's code: it starts,
/// its schema is a fresh site's, and the modules that came later installed the defaults they cannot work without.
/// </summary>
public abstract class ReleaseOneUpgradeTests
{
    public const string Release = "release-1";

    /// <summary>The training the admin published on release 1 (tests/releases/release-1/README.md).</summary>
    private const string ReleaseOneOfferingSlug = "gesprekstechnieken-voor-de-werkvloer-release-1";

    /// <summary>The modules whose last migration step installs their defaults.</summary>
    private static readonly string[] ModulesWithDefaults =
        ["Academy.Email", "Academy.Workflows", "Academy.Enrolment", "Academy.EmployerSignup", "Academy.Accreditation"];

    /// <summary>The release-1 site after its first start with today's code, shared by the tests that only read it.</summary>
    protected abstract Task<AcademyFactory> UpgradedAsync();

    /// <summary>A site set up today with the setup recipe.</summary>
    protected abstract Task<AcademyFactory> FreshAsync();

    /// <summary>Another copy of the release-1 database, for a test that changes it.</summary>
    protected abstract Task<AcademyFactory> NewUpgradedAsync();

    [Fact]
    public async Task Site_starts_with_every_module_migrated_to_its_last_step()
    {
        var site = await UpgradedAsync();
        var response = await site.CreateClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var versions = await ReleaseDatabases.WithAsync(site, sp => sp.GetRequiredService<AcademyDbContext>().SchemaVersions.AsNoTracking().ToListAsync());
        var expected = await ReleaseDatabases.WithAsync(site, sp => Task.FromResult(sp.GetServices<IDataMigration>().ToDictionary(m => m.Module, m => m.Steps.Count)));
        Assert.Equal(expected.OrderBy(e => e.Key), versions.ToDictionary(v => v.Module, v => v.Version).OrderBy(v => v.Key));
    }

    [Fact]
    public async Task Schema_matches_a_freshly_set_up_site()
    {
        var upgraded = await ReleaseDatabases.SchemaAsync(await UpgradedAsync());
        var fresh = await ReleaseDatabases.SchemaAsync(await FreshAsync());
        Assert.True(upgraded.Count > 100, $"Only {upgraded.Count} catalogue lines");
        var missing = fresh.Except(upgraded).ToList();
        var extra = upgraded.Except(fresh).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Only on the fresh site:\n{string.Join("\n", missing)}\nOnly on the upgraded site:\n{string.Join("\n", extra)}");
    }

    [Fact]
    public async Task Workflow_types_registers_and_permissions_are_those_of_a_fresh_site()
    {
        var upgraded = await UpgradedAsync();
        var fresh = await FreshAsync();

        var types = await TypesAsync(upgraded);
        Assert.Equal((await TypesAsync(fresh)).Select(t => (t.Id, t.Json)), types.Select(t => (t.Id, t.Json)));
        Assert.Contains(types, t => t.Id == "aanmelding-bevestigen" && t.IsEnabled);
        Assert.Contains(types, t => t.Id == "harrie-werkgeversaanmelding");
        Assert.Contains(types, t => t.Id == "accreditatie-uren-toekennen");

        var registers = await RegistersAsync(upgraded);
        Assert.Equal(["registerplein", "skj", "adviesraad-re-integratie"], registers.Select(r => r.Id));
        Assert.Equal((await RegistersAsync(fresh)).Select(r => (r.Id, r.Name, r.Prefix, r.Digits, r.Unit, r.CycleYears, r.SortOrder)),
            registers.Select(r => (r.Id, r.Name, r.Prefix, r.Digits, r.Unit, r.CycleYears, r.SortOrder)));

        // Today's recipe roles, with the permissions added since release 1 (ManageEnrolments, TakeAttendance, …).
        var roles = await RolesAsync(upgraded);
        Assert.Equal(RecipeRoles(), roles);
        Assert.Equal(await RolesAsync(fresh), roles);
    }

    [Fact]
    public async Task Enrolment_on_the_training_published_in_release_1_sends_the_confirmation_mail()
    {
        var site = await UpgradedAsync();
        var editionId = await ReleaseDatabases.WithAsync(site, sp => sp.GetRequiredService<AcademyDbContext>().Database.SqlQueryRaw<string>(
            """SELECT e."EditionId" AS "Value" FROM "EditionIndex" e JOIN "OfferingIndex" o ON o."ContentItemId" = e."ContentItemId" WHERE o."Slug" = {0}""",
            ReleaseOneOfferingSlug).SingleAsync());
        var email = $"upgrade-{Guid.NewGuid():n}@example.nl";

        var result = await ReleaseDatabases.WithAsync(site, sp => sp.GetRequiredService<IEnrolmentService>()
            .EnrolAsync(editionId, new Participant($"user-{Guid.NewGuid():n}", "Deelnemer Upgrade", email)));
        Assert.Equal(EnrolmentStatus.Confirmed, result.Status);
        await site.DrainBackgroundAsync();

        var mail = Assert.Single(await MailTestKit.DeliveredToAsync(site.Services, email));
        Assert.Equal("Aanmelding bevestigd: Gesprekstechnieken voor de werkvloer (release 1)", mail.Subject);
        Assert.Contains("Beste Deelnemer Upgrade", mail.TextBody);
    }

    [Fact]
    public async Task Migrations_running_again_keep_changes_by_an_admin_or_a_recipe_and_do_not_bring_back_what_was_deleted()
    {
        var site = await NewUpgradedAsync();
        await ReleaseDatabases.WithAsync(site, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            await sp.GetRequiredService<Academy.Workflows.Services.WorkflowTypeStore>().SetEnabledAsync("aanmelding-bevestigen", false);
            await db.Set<WorkflowTypeRecord>().Where(t => t.Id == "wachtlijst-bevestigen").ExecuteDeleteAsync();
            await db.Set<RegisterRecord>().Where(r => r.Id == "registerplein").ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Registerplein (eigen naam)"));
            await db.Set<RegisterRecord>().Where(r => r.Id == "skj").ExecuteDeleteAsync();
            var roles = sp.GetRequiredService<RoleManager<AcademyRole>>();
            var trainer = (await roles.FindByNameAsync("Trainer"))!;
            await roles.RemoveClaimAsync(trainer, new System.Security.Claims.Claim(PermissionClaim.Type, "TakeAttendance"));
            // As on a site that had this type before the defaults were recorded: present, so left alone, and recorded now.
            await db.Set<ModuleDefaultRecord>().Where(r => r.Step == "WorkflowTypes" && r.Key == "aanmelding-bevestigen").ExecuteDeleteAsync();
            return true;
        });
        // A recipe that sets a default's id overwrites it, as recipes do.
        var recipe = Path.Combine(Path.GetTempPath(), $"upgrade-{Guid.NewGuid():n}.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            { "steps": [ { "name": "Registers", "Registers": [
              { "Id": "adviesraad-re-integratie", "Name": "Re-integratieregister (uit een recept)", "Prefix": "RI", "Digits": 5 } ] } ] }
            """);
        await site.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe);
        File.Delete(recipe);
        var before = await TypesAsync(site);

        // Every module's last step (the defaults) runs again, as a later release's defaults step would.
        await ReleaseDatabases.WithAsync(site, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            foreach (var migration in sp.GetServices<IDataMigration>().Where(m => ModulesWithDefaults.Contains(m.Module)))
            {
                await db.SchemaVersions.Where(v => v.Module == migration.Module && v.Version == migration.Steps.Count)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, migration.Steps.Count - 1));
            }
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            return true;
        });

        var after = await TypesAsync(site);
        Assert.Equal(before.Select(t => (t.Id, t.Json, t.Version)), after.Select(t => (t.Id, t.Json, t.Version)));
        Assert.False(after.Single(t => t.Id == "aanmelding-bevestigen").IsEnabled);
        Assert.DoesNotContain(after, t => t.Id == "wachtlijst-bevestigen");
        var registers = await RegistersAsync(site);
        Assert.Equal(["adviesraad-re-integratie", "registerplein"], registers.Select(r => r.Id).Order());
        Assert.Equal("Registerplein (eigen naam)", registers.Single(r => r.Id == "registerplein").Name);
        Assert.Equal("Re-integratieregister (uit een recept)", registers.Single(r => r.Id == "adviesraad-re-integratie").Name);
        Assert.Empty((await RolesAsync(site))["Trainer"]);
        var recorded = await ReleaseDatabases.WithAsync(site, sp => sp.GetRequiredService<AcademyDbContext>().Set<ModuleDefaultRecord>()
            .AsNoTracking().SingleAsync(r => r.Step == "WorkflowTypes" && r.Key == "aanmelding-bevestigen"));
        Assert.False(recorded.Installed);
    }

    private static Task<List<WorkflowTypeRecord>> TypesAsync(AcademyFactory site) => ReleaseDatabases.WithAsync(site, sp =>
        sp.GetRequiredService<AcademyDbContext>().Set<WorkflowTypeRecord>().AsNoTracking().OrderBy(t => t.Id).ToListAsync());

    private static Task<List<RegisterRecord>> RegistersAsync(AcademyFactory site) => ReleaseDatabases.WithAsync(site, sp =>
        sp.GetRequiredService<AcademyDbContext>().Set<RegisterRecord>().AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync());

    /// <summary>Each role with its permissions, sorted.</summary>
    private static Task<SortedDictionary<string, string[]>> RolesAsync(AcademyFactory site) => ReleaseDatabases.WithAsync(site, async sp =>
    {
        var roles = sp.GetRequiredService<RoleManager<AcademyRole>>();
        var result = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var role in await roles.Roles.ToListAsync())
        {
            result[role.Name!] = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaim.Type)
                .Select(c => c.Value).Order(StringComparer.Ordinal).ToArray();
        }
        return result;
    });

    /// <summary>The roles of today's setup recipe.</summary>
    private static SortedDictionary<string, string[]> RecipeRoles()
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "midden-gelderland.recipe.json")))!;
        var step = recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "Roles")!;
        return new SortedDictionary<string, string[]>(step["Roles"]!.AsArray().ToDictionary(
            r => (string)r!["Name"]!,
            r => r!["Permissions"]!.AsArray().Select(p => (string)p!).Order(StringComparer.Ordinal).ToArray()), StringComparer.Ordinal);
    }
}
