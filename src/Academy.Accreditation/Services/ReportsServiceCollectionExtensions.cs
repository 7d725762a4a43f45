using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The coördinator's exports per edition and register (PE-online list, CSV, XLSX) and the dashboard.</summary>
    public static IServiceCollection AddAccreditationReports(this IServiceCollection services)
    {
        return services;
    }
}
