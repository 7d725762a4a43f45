using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Hosting;

/// <summary>
/// Puts a singleton around the implementation ASP.NET Core registered for a service (by its type, as AddAntiforgery
/// or AddControllersWithViews register it): the registration is replaced by one that makes the original with its own
/// dependencies and hands it to <paramref name="decorate"/>.
/// </summary>
public static class ServiceDecoration
{
    public static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TService) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered (by its type) before it is decorated.");
        services.Remove(registered);
        services.AddSingleton(provider => decorate(provider, (TService)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
