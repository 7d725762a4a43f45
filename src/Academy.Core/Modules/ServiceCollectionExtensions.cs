using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Modules;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddContentPart<TPart>(this IServiceCollection services) where TPart : ContentPart
    {
        var registry = services.Select(d => d.ImplementationInstance).OfType<ContentPartRegistry>().Single();
        registry.Register(typeof(TPart));
        return services;
    }

    public static IServiceCollection AddModelContributor<T>(this IServiceCollection services) where T : class, IModelContributor =>
        services.AddSingleton<IModelContributor, T>();

    public static IServiceCollection AddDataMigration<T>(this IServiceCollection services) where T : class, IDataMigration =>
        services.AddSingleton<IDataMigration, T>();

    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services) where T : class, IRecipeStepHandler =>
        services.AddScoped<IRecipeStepHandler, T>();

    /// <summary>Lets the recipe step of the same name carry module defaults (<see cref="ModuleDefaults"/>).</summary>
    public static IServiceCollection AddDefaultsStep<T>(this IServiceCollection services) where T : class, IDefaultsStep =>
        services.AddScoped<IDefaultsStep, T>();

    public static IServiceCollection AddContentHandler<T>(this IServiceCollection services) where T : class, IContentHandler =>
        services.AddScoped<IContentHandler, T>();

    public static IServiceCollection AddPermissions<T>(this IServiceCollection services) where T : class, IPermissionProvider =>
        services.AddSingleton<IPermissionProvider, T>();
}
