using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Enrolment.Permissions;
using Academy.Enrolment.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Enrolment;

/// <summary>The pages of the enrolment module: "Mijn aanmeldingen", the coördinator's admin, exports and group mail.</summary>
public static class EnrolmentPagesServiceCollectionExtensions
{
    public static IServiceCollection AddEnrolmentPages(this IServiceCollection services)
    {
        services.AddScoped<WaitlistPositions>();
        services.AddScoped<MyEnrolmentsQuery>();
        services.AddScoped<EditionParticipantsQuery>();
        services.AddScoped<EnrolmentOverviewQuery>();
        services.AddScoped<EnrolmentCounts>();
        services.AddPermissions<EnrolmentPermissions>();
        services.AddSingleton<IAdminMenuProvider, EnrolmentAdminMenu>();
        services.AddPublicMenu<EnrolmentPublicMenu>();
        services.AddScoped<IAdminDashboardProvider, EnrolmentDashboard>();
        return services;
    }
}
