using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Modules;

/// <summary>
/// The one class through which a module plugs into the host, like Orchard Core's StartupBase:
/// services (including its permissions, recipe steps, model contributors and migrations) and routes.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Lower runs first; the host sorts modules by it.</summary>
    public virtual int Order => 0;

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public virtual void Configure(IApplicationBuilder app) { }

    public virtual void MapRoutes(IEndpointRouteBuilder routes) { }
}
