using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Users.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Users.Recipes;

/// <summary>
/// "Organisations": upserts partner organisations by Id, with their optional "EmailDomains" (a confirmed address in
/// one of them makes a self-registered account a Professional without the leer-coördinator's approval).
/// </summary>
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
            var domains = new List<string>();
            foreach (var (value, _, path) in RecipeJson.OptionalStringList(context, obj, "EmailDomains") ?? [])
            {
                var (parsed, invalid) = EmailDomains.Parse(value);
                if (invalid is not null || parsed.Count != 1)
                {
                    throw RecipeJson.Located(context, path, $"'{value}' is geen e-maildomein (zoals arnhem.nl).");
                }
                domains.Add(parsed[0]);
            }
            var stored = EmailDomains.Store(domains.Distinct());
            if (stored is { Length: > EmailDomains.MaxStoredLength })
            {
                throw context.Error(obj, $"Te veel e-maildomeinen (samen hoogstens {EmailDomains.MaxStoredLength} tekens).", "EmailDomains");
            }
            organisations.Add(new Organisation
            {
                Id = id, Name = name, Kind = kind, Place = string.IsNullOrEmpty(place) ? null : place, EmailDomains = stored,
            });
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
                existing.EmailDomains = organisation.EmailDomains;
            }
        }
        await db.SaveChangesAsync();
        context.Report($"{organisations.Count} organisaties");
    }
}
