using Academy.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Accreditation.Services.Certificates;

/// <summary>The "Academy:Certificates" configuration section.</summary>
public sealed class CertificateOptions
{
    /// <summary>Public certificate checks allowed per client address within <see cref="CheckWindowSeconds"/>: enough for people, too few to guess codes.</summary>
    public int ChecksPerWindow { get; set; } = 30;

    public int CheckWindowSeconds { get; set; } = 600;
}

/// <summary>Per-client throttling of the public check /certificaat/{code} (Core's <see cref="ClientThrottle"/>).</summary>
public static class CertificateThrottle
{
    public const string Policy = "academy-certificate-check";

    public static IServiceCollection AddCertificateThrottle(this IServiceCollection services) =>
        services.AddClientThrottle(Policy, sp =>
        {
            var options = sp.GetRequiredService<IOptions<CertificateOptions>>().Value;
            return (Math.Max(1, options.ChecksPerWindow), TimeSpan.FromSeconds(Math.Max(1, options.CheckWindowSeconds)));
        }, (http, _) => ClientThrottle.ViewAsync(http, "Message", new ViewModels.CertificateMessageViewModel(
            "Te veel controles",
            "Er zijn vanaf dit adres te veel certificaten gecontroleerd. Probeer het over enkele minuten opnieuw.")));
}
