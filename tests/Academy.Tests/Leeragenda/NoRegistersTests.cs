using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Leeragenda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Academy.Accreditation.Abstractions;

namespace Academy.Tests.Leeragenda;

/// <summary>The Leeragenda knows nothing of accreditation: registers and their editor come from the accreditation module.</summary>
public sealed class NoRegistersTests
{
    [Fact]
    public void Leeragenda_alone_registers_no_register_directory_and_no_other_modules_part_editor()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ContentPartRegistry());
        new LeeragendaStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IRegisterDirectory));
        // Leeragenda's own parts have drivers; no driver of another module's part is registered by it.
        Assert.All(services.Where(d => d.ServiceType == typeof(IContentPartDriver)),
            d => Assert.Equal(typeof(LeeragendaStartup).Assembly, (d.ImplementationType ?? d.ImplementationInstance?.GetType())!.Assembly));
        Assert.DoesNotContain(typeof(LeeragendaStartup).Assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Academy.Accreditation", StringComparison.Ordinal));
    }
}
