using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Recipes;

/// <summary>
/// A recipe step that can carry module defaults: it splits a step into items with a key each (a workflow type's id,
/// a register's id, "role/permission"), tells whether an item is missing on this site, and makes a step of some items.
/// The module that owns the step handler implements it next to the handler.
/// </summary>
public interface IDefaultsStep
{
    /// <summary>The recipe step's name ("WorkflowTypes").</summary>
    string Name { get; }

    IReadOnlyList<DefaultItem> Items(RecipeStepContext context);

    /// <summary>True when the site lacks the item and installing it makes sense (a role's permission: the role exists).</summary>
    Task<bool> IsMissingAsync(DefaultItem item, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>A step (without "name") holding only <paramref name="items"/>, for the step's own handler.</summary>
    JsonObject StepOf(IReadOnlyList<DefaultItem> items);
}

/// <param name="Key">Unique within its step; what <see cref="ModuleDefaultRecord"/> remembers.</param>
/// <param name="Value">The item as the step handler reads it.</param>
public sealed record DefaultItem(string Key, JsonObject Value);

/// <summary>
/// A step whose list holds objects with an id (WorkflowTypes, Registers): one item per object, keyed by its id.
/// </summary>
public abstract class IdListDefaultsStep(string name, string idProperty = "Id") : IDefaultsStep
{
    public string Name => name;

    public IReadOnlyList<DefaultItem> Items(RecipeStepContext context)
    {
        var list = context.RequireArray(name);
        context.RequireUniqueIds(list, idProperty);
        return list.Select(node => node as JsonObject ?? throw context.Error(node, "Elk onderdeel is een object."))
            .Select(obj => new DefaultItem(context.RequireString(obj, idProperty), obj))
            .ToList();
    }

    public abstract Task<bool> IsMissingAsync(DefaultItem item, IServiceProvider services, CancellationToken cancellationToken);

    public JsonObject StepOf(IReadOnlyList<DefaultItem> items) =>
        new() { [name] = new JsonArray(items.Select(i => (JsonNode)i.Value.DeepClone()).ToArray()) };
}

/// <summary>
/// One module default this site was offered: installed because it was missing, or left alone because it was there.
/// Either way it is offered only once, so an administrator's change or removal is never undone by a later migration.
/// </summary>
public sealed class ModuleDefaultRecord
{
    public string Step { get; set; } = "";
    public string Key { get; set; } = "";
    public string Module { get; set; } = "";
    /// <summary>False: the site had it already (or, for a role's permission, had no such role).</summary>
    public bool Installed { get; set; }
    public DateTime RecordedUtc { get; set; }
}

public sealed class ModuleDefaultsModel : IModelContributor
{
    public const string Table = "ModuleDefaults";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModuleDefaultRecord>(e =>
        {
            e.ToTable(Table);
            e.HasKey(x => new { x.Step, x.Key });
            e.Property(x => x.Step).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.Module).HasMaxLength(128).IsRequired();
        });
    }
}

/// <summary>
/// Installs a module's defaults (an embedded JSON file of recipe steps) through the steps' own handlers: each item
/// that this site was never offered is installed when missing, and remembered either way (docs/upgrades.md).
/// A recipe that sets the same ids later simply overwrites them, as recipes do.
/// </summary>
public sealed class ModuleDefaults(IServiceProvider services, AcademyDbContext db, TimeProvider clock, ILogger<ModuleDefaults> logger)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The logical name of a module's defaults resource: <c>&lt;EmbeddedResource Include="Defaults/defaults.json" LogicalName="defaults.json" /&gt;</c>.</summary>
    public const string ResourceName = "defaults.json";

    /// <summary>The steps of <paramref name="assembly"/>'s defaults file.</summary>
    public static JsonObject Read(Assembly assembly, string resource = ResourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource '{resource}'.");
        return JsonNode.Parse(stream, documentOptions: ParseOptions) as JsonObject
            ?? throw new InvalidOperationException($"{assembly.GetName().Name}/{resource} is not a JSON object.");
    }

    public Task<IReadOnlyList<ModuleDefaultRecord>> InstallAsync(string module, Assembly assembly, CancellationToken cancellationToken = default) =>
        InstallAsync(module, Read(assembly), $"{assembly.GetName().Name}/{ResourceName}", cancellationToken);

    /// <summary>Offers the items of <paramref name="defaults"/> (<c>{ "steps": [ ... ] }</c>); returns the newly recorded ones.</summary>
    public async Task<IReadOnlyList<ModuleDefaultRecord>> InstallAsync(string module, JsonObject defaults, string file, CancellationToken cancellationToken = default)
    {
        var steps = defaults["steps"] as JsonArray ?? throw new RecipeException(file, null, "$.steps", "De standaardinstellingen hebben geen lijst 'steps'.");
        var handlers = services.GetServices<IRecipeStepHandler>().ToDictionary(h => h.Name, StringComparer.Ordinal);
        var kinds = services.GetServices<IDefaultsStep>().ToDictionary(k => k.Name, StringComparer.Ordinal);
        var recorded = new List<ModuleDefaultRecord>();
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index] as JsonObject ?? throw new RecipeException(file, null, $"$.steps[{index}]", "Elke stap is een object.");
            var name = RecipeStepContext.OptionalString(step, "name") ?? "";
            if (!handlers.TryGetValue(name, out var handler) || !kinds.TryGetValue(name, out var kind))
            {
                throw new RecipeException(file, name, $"$.steps[{index}].name",
                    $"De stap '{name}' kan geen standaardinstellingen installeren. Wel: {string.Join(", ", kinds.Keys.Where(handlers.ContainsKey).Order())}.");
            }
            var context = new RecipeStepContext(file, index, step, services, null, steps.Count);
            var items = kind.Items(context);
            var keys = items.Select(i => i.Key).ToList();
            var offered = (await db.Set<ModuleDefaultRecord>().AsNoTracking()
                    .Where(r => r.Step == name && keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);

            var missing = new List<DefaultItem>();
            foreach (var item in items.Where(i => !offered.Contains(i.Key)))
            {
                var install = await kind.IsMissingAsync(item, services, cancellationToken);
                if (install)
                {
                    missing.Add(item);
                }
                recorded.Add(new ModuleDefaultRecord
                {
                    Step = name,
                    Key = item.Key,
                    Module = module,
                    Installed = install,
                    RecordedUtc = clock.GetUtcNow().UtcDateTime,
                });
            }
            if (missing.Count > 0)
            {
                var only = kind.StepOf(missing);
                only["name"] = name;
                await handler.ExecuteAsync(new RecipeStepContext(file, index, only, services, null, steps.Count));
                logger.LogInformation("{Module} installed default {Step}: {Keys}", module, name, string.Join(", ", missing.Select(m => m.Key)));
            }
        }
        db.ChangeTracker.Clear();
        db.Set<ModuleDefaultRecord>().AddRange(recorded);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return recorded;
    }
}

public static class ModuleDefaultsSchemaExtensions
{
    /// <summary>
    /// A migration step that installs the defaults embedded in <paramref name="assembly"/> (resource
    /// <see cref="ModuleDefaults.ResourceName"/>) that this site was never offered. A release that adds defaults to
    /// the file adds another such step; released steps stay as they are.
    /// </summary>
    public static SchemaBuilder InstallDefaults(this SchemaBuilder builder, string module, Assembly assembly) =>
        builder.Data((services, ct) => services.GetRequiredService<ModuleDefaults>().InstallAsync(module, assembly, ct));
}
