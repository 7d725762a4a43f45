using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Leeragenda;
using Academy.Leeragenda.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Academy.Accreditation.Abstractions;

namespace Academy.Tests.Leeragenda;

/// <summary>Without the accreditation module the aanbod still works: there are simply no registers.</summary>
public sealed class NoRegistersTests
{
    [Fact]
    public async Task Leeragenda_alone_has_an_empty_register_directory_that_a_module_can_replace()
    {
        var services = Services();
        new LeeragendaStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IRegisterDirectory));
        Assert.Equal(typeof(NoRegisters), descriptor.ImplementationType);
        Assert.Empty(await new NoRegisters().ListAsync());

        // Registered with TryAdd: a module registering its own directory first is not overridden.
        var withModule = Services();
        withModule.AddScoped<IRegisterDirectory, FixedRegisters>();
        new LeeragendaStartup().ConfigureServices(withModule, new ConfigurationBuilder().Build());
        Assert.Equal(typeof(FixedRegisters), Assert.Single(withModule, d => d.ServiceType == typeof(IRegisterDirectory)).ImplementationType);
    }

    /// <summary>What Core registers before the modules and Leeragenda's startup needs: the part registry.</summary>
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ContentPartRegistry());
        return services;
    }

    private sealed class FixedRegisters : IRegisterDirectory
    {
        public Task<IReadOnlyList<RegisterSummary>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RegisterSummary>>([new RegisterSummary("r", "R", RegisterUnit.Uren)]);
    }
}
