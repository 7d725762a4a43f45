using Academy.Accreditation.Services.Dashboard;
using Academy.Accreditation.Services.Exports;
using Academy.Core.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The coördinator's exports per edition and register (PE-online list, CSV, XLSX) and the dashboard.</summary>
    public static IServiceCollection AddAccreditationReports(this IServiceCollection services)
    {
        services.AddScoped<AccreditedEditionsQuery>();
        services.AddScoped<RegisterReportQuery>();
        services.AddScoped<LedgerFacts>();
        services.AddScoped<HoursDashboardQuery>();
        services.AddScoped<IAdminDashboardProvider, AccreditationDashboardCard>();
        return services;
    }
}
