using System.Text.Json.Nodes;
using Academy.Core.Recipes;
using Academy.Core.Settings;
using Academy.Search.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Search.Recipes;

/// <summary>
/// <c>{ "name": "SearchSynonyms", "Synonyms": [ ["LKS", "loonkostensubsidie"], ["SNDW", "school naar duurzaam werk"] ] }</c>:
/// the region's words that mean the same. Replaces the list (running the recipe again changes nothing); expanded at
/// query time, so no rebuild is needed.
/// </summary>
public sealed class SearchSynonymsStep : IRecipeStepHandler
{
    public const int MaxGroups = 500;
    public const int MaxTermLength = 100;

    public string Name => "SearchSynonyms";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var groups = new List<List<string>>();
        foreach (var node in context.RequireArray("Synonyms"))
        {
            if (node is not JsonArray array)
            {
                throw context.Error(node, "Een synoniemengroep is een lijst van termen, bijvoorbeeld [\"LKS\", \"loonkostensubsidie\"].");
            }
            var terms = new List<string>();
            foreach (var item in array)
            {
                var term = item is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : null;
                if (string.IsNullOrEmpty(term) || term.Length > MaxTermLength)
                {
                    throw context.Error(item ?? array, $"Een term is tekst van 1 tot {MaxTermLength} tekens.");
                }
                terms.Add(term);
            }
            if (terms.Count < 2)
            {
                throw context.Error(array, "Een synoniemengroep heeft minstens twee termen.");
            }
            groups.Add(terms);
        }
        if (groups.Count > MaxGroups)
        {
            throw context.Error(context.Step, $"Hoogstens {MaxGroups} synoniemengroepen.", "Synonyms");
        }
        var store = context.Services.GetRequiredService<DocumentStore>();
        await store.SetAsync(SearchSynonymSettings.DocumentKey, new SearchSynonymSettings { Groups = groups });
        context.Report($"{groups.Count} synoniemengroepen");
    }
}
