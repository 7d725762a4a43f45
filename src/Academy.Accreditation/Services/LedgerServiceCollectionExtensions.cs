using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Activities;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Workflows.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>Registers (recipe step, admin list), the hours ledger (awards, reversals, manual entries), certificates (PDF, public verification, revocation) and the workflow activities of "Accreditatie-uren toekennen".</summary>
    public static IServiceCollection AddRegistersAndLedger(this IServiceCollection services)
    {
        services.AddOptions<CertificateOptions>().BindConfiguration("Academy:Certificates");
        services.AddCertificateThrottle();
        services.AddScoped<HoursLedger>();
        services.AddScoped<LedgerPeople>();
        services.AddScoped<LedgerPersonCorrections>();
        services.AddScoped<ILedgerPersonalData>(sp => sp.GetRequiredService<LedgerPersonCorrections>());
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateQuery>();
        services.AddActivity<AwardAccreditationHoursTask>();
        services.AddActivity<MailCertificateTask>();
        return services;
    }
}
