using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Recipes;

/// <summary>
/// "Registers": upserts professional registers by Id: Name, Prefix (letters), Digits (number of digits after it),
/// Unit ("uren" or "punten"), optional CycleYears with CycleStartYear (multi-year cycles) and Url.
/// </summary>
public sealed partial class RegistersStep : IRecipeStepHandler
{
    public string Name => "Registers";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var items = context.RequireArray("Registers");
        context.RequireUniqueIds(items, "Id");
        var registers = new List<RegisterRecord>();
        foreach (var node in items)
        {
            if (node is not JsonObject obj)
            {
                throw context.Error(node ?? items, "Elk register is een object.");
            }
            registers.Add(Parse(context, obj, registers.Count));
        }

        var db = context.Services.GetRequiredService<AcademyDbContext>();
        foreach (var register in registers)
        {
            if (await db.Set<RegisterRecord>().FindAsync(register.Id) is { } existing)
            {
                db.Entry(existing).CurrentValues.SetValues(register);
            }
            else
            {
                db.Add(register);
            }
        }
        await db.SaveChangesAsync();
        context.Report($"{registers.Count} registers");
    }

    private static RegisterRecord Parse(RecipeStepContext context, JsonObject obj, int index)
    {
        var id = context.RequireString(obj, "Id").Trim();
        if (!IdPattern().IsMatch(id))
        {
            throw context.Error(obj, $"De id '{id}' is ongeldig: gebruik alleen kleine letters, cijfers en koppeltekens (hoogstens 64 tekens).", "Id");
        }
        var name = context.RequireString(obj, "Name").Trim();
        if (name.Length > 200)
        {
            throw context.Error(obj, "De naam is te lang (hoogstens 200 tekens).", "Name");
        }
        var prefix = (RecipeStepContext.OptionalString(obj, "Prefix") ?? "").Trim().ToUpperInvariant();
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw context.Error(obj, "Het voorvoegsel bestaat uit 0 tot 16 letters.", "Prefix");
        }
        var digits = Int(context, obj, "Digits", 1, 20) ?? throw context.Error(obj, "'Digits' (aantal cijfers van een registernummer) is verplicht.", "Digits");
        var unit = (RecipeStepContext.OptionalString(obj, "Unit") ?? "uren").Trim().ToLowerInvariant() switch
        {
            "uren" => RegisterUnit.Uren,
            "punten" => RegisterUnit.Punten,
            var other => throw context.Error(obj, $"Onbekende eenheid '{other}'. Kies uit: uren, punten.", "Unit"),
        };
        var cycleYears = Int(context, obj, "CycleYears", 1, 10) ?? 1;
        var cycleStart = Int(context, obj, "CycleStartYear", 2000, 2100);
        if (cycleYears > 1 && cycleStart is null)
        {
            throw context.Error(obj, "Geef bij een meerjarige cyclus ook het beginjaar (CycleStartYear) op.", "CycleStartYear");
        }
        var url = RecipeStepContext.OptionalString(obj, "Url")?.Trim();
        if (url is { Length: > 0 } && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            throw context.Error(obj, "De website is geen geldig http(s)-adres.", "Url");
        }
        return new RegisterRecord
        {
            Id = id,
            Name = name,
            Prefix = prefix,
            Digits = digits,
            Unit = unit,
            CycleYears = cycleYears,
            CycleStartYear = cycleYears > 1 ? cycleStart : null,
            Url = string.IsNullOrEmpty(url) ? null : url,
            SortOrder = index,
        };
    }

    private static int? Int(RecipeStepContext context, JsonObject obj, string property, int min, int max)
    {
        if (obj[property] is not { } node)
        {
            return null;
        }
        try
        {
            var value = node.GetValue<int>();
            return value >= min && value <= max ? value : throw context.Error(obj, $"'{property}' ligt tussen {min} en {max}.", property);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw context.Error(obj, $"'{property}' is een heel getal.", property);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{0,16}$")]
    private static partial Regex PrefixPattern();
}

/// <summary>Module defaults for "Registers": a register is installed only when no register has its id (docs/upgrades.md).</summary>
public sealed class RegistersDefaultsStep() : IdListDefaultsStep("Registers")
{
    public override async Task<bool> IsMissingAsync(DefaultItem item, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<AcademyDbContext>().Set<RegisterRecord>().FindAsync([item.Key], cancellationToken) is null;
}
