using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.UI;

/// <summary>Which view component renders a card of a model type in a display type ("Summary": one item in a list); a module registers its own.</summary>
public sealed record CardRenderer(Type ModelType, string ViewComponent, string DisplayType = CardRenderer.Summary)
{
    public const string Summary = "Summary";
}

/// <summary>
/// A card for any item whose module registered a renderer: <c>&lt;vc:card item="..." /&gt;</c>. So one module lists
/// another module's items (the home page the leeragenda's offerings) with that module's own card, without naming it.
/// </summary>
public sealed class CardViewComponent(IEnumerable<CardRenderer> renderers) : ViewComponent
{
    /// <remarks>Two parameters on purpose: with a single <c>object</c> parameter MVC would pass the whole argument
    /// dictionary as the item.</remarks>
    public IViewComponentResult Invoke(object item, string displayType = CardRenderer.Summary)
    {
        var renderer = renderers.LastOrDefault(r => r.ModelType.IsInstanceOfType(item) && r.DisplayType == displayType)
            ?? throw new InvalidOperationException($"No {displayType} card is registered for {item.GetType().Name} (services.AddCard).");
        return View(new CardModel(renderer.ViewComponent, item));
    }
}

/// <summary>The card view component's model: the module's view component and the item it is given.</summary>
public sealed record CardModel(string ViewComponent, object Item);

public static class CardServiceCollectionExtensions
{
    /// <summary>Cards of <typeparamref name="TModel"/> are rendered by the view component <paramref name="viewComponent"/>
    /// (its Invoke takes the item as the argument <c>item</c>, typed, so MVC binds it by name).</summary>
    public static IServiceCollection AddCard<TModel>(this IServiceCollection services, string viewComponent, string displayType = CardRenderer.Summary) =>
        services.AddSingleton(new CardRenderer(typeof(TModel), viewComponent, displayType));
}
