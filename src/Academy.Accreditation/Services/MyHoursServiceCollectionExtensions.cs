using Academy.Accreditation.Services.MyHours;
using Academy.Accreditation.Services.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class MyHoursServiceCollectionExtensions
{
    /// <summary>The professional's register numbers and consent, and "Mijn leeruren" (totals per register and period, certificates, overview PDF).</summary>
    public static IServiceCollection AddRegisterProfileAndMyHours(this IServiceCollection services)
    {
        services.AddScoped<RegisterProfileService>();
        services.AddScoped<MyHoursQuery>();
        return services;
    }
}
