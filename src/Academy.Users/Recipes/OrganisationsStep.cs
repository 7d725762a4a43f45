using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Users.Recipes;

/// <summary>"Organisations": upserts partner organisations by Id.</summary>
public sealed class OrganisationsStep : IRecipeStepHandler
{
    public string Name => "Organisations";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var db = context.Services.GetRequiredService<AcademyDbContext>();
        var items = context.RequireArray("Organisations");

        var organisations = new List<Organisation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in items)
        {
            if (node is not JsonObject obj)
            {
                throw context.Error(node ?? items, "Elke organisatie is een object.");
            }
            var id = context.RequireString(obj, "Id").Trim();
            if (!Organisation.IsValidId(id))
            {
                throw context.Error(obj, $"De id '{id}' is ongeldig: gebruik alleen kleine letters, cijfers en koppeltekens (hoogstens {Organisation.IdMaxLength} tekens).", "Id");
            }
            if (!seen.Add(id))
            {
                throw context.Error(obj, $"De id '{id}' komt twee keer voor.", "Id");
            }
            var name = context.RequireString(obj, "Name").Trim();
            if (name.Length > 200)
            {
                throw context.Error(obj, "De naam is te lang (hoogstens 200 tekens).", "Name");
            }
            var kind = context.RequireString(obj, "Kind").Trim();
            if (!OrganisationKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                throw context.Error(obj, $"Onbekende soort '{kind}'. Kies uit: {string.Join(", ", OrganisationKinds.All)}.", "Kind");
            }
            var place = RecipeStepContext.OptionalString(obj, "Place")?.Trim();
            if (place is { Length: > 100 })
            {
                throw context.Error(obj, "De plaatsnaam is te lang (hoogstens 100 tekens).", "Place");
            }
            organisations.Add(new Organisation { Id = id, Name = name, Kind = kind, Place = string.IsNullOrEmpty(place) ? null : place });
        }

        var set = db.Set<Organisation>();
        foreach (var organisation in organisations)
        {
            var existing = await set.FindAsync(organisation.Id);
            if (existing is null)
            {
                set.Add(organisation);
            }
            else
            {
                existing.Name = organisation.Name;
                existing.Kind = organisation.Kind;
                existing.Place = organisation.Place;
            }
        }
        await db.SaveChangesAsync();
        context.Report($"{organisations.Count} organisaties");
    }
}
