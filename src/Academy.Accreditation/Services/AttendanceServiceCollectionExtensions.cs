using Academy.Accreditation.Services.Attendance;
using Academy.Core.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class AttendanceServiceCollectionExtensions
{
    /// <summary>Attendance per session (admin and tablet pages, presentielijst PDF) and the completion rules that complete enrolments.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceService>();
        services.AddScoped<AttendanceQuery>();
        services.AddScoped<PresentielijstPdf>();
        services.AddScoped<IAdminDashboardProvider, AttendanceDashboard>();
        return services;
    }
}
