using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Leeragenda.Services;

public static class CatalogueServices
{
    /// <summary>The public catalogue, detail pages, feeds and the <see cref="IUpcomingOfferings"/> contract.</summary>
    public static IServiceCollection AddLeeragendaCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueQuery>();
        services.AddSingleton<CatalogueCache>();
        services.AddScoped<OfferingReader>();
        services.AddScoped<UpcomingOfferings>();
        services.AddScoped<IUpcomingOfferings>(sp => sp.GetRequiredService<UpcomingOfferings>());
        services.AddScoped<IThemeOfferings>(sp => sp.GetRequiredService<UpcomingOfferings>());
        return services;
    }
}

