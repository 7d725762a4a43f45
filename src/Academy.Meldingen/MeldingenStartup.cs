using Academy.Core.Contracts;
using Academy.Core.Jobs;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Privacy;
using Academy.Meldingen.Controllers;
using Academy.Meldingen.Data;
using Academy.Meldingen.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Meldingen;

/// <summary>
/// Meldingen: the public "Stel je vraag" form at /werkcentrum/vraag, the gidsen's queue at /gids/meldingen (role Gids),
/// the anonymous dashboard and CSV at /admin/meldingen, and the retention job that erases closed meldingen's personal data.
/// </summary>
public sealed class MeldingenStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeldingenOptions>(configuration.GetSection("Academy:Meldingen"));
        services.AddQuestionThrottle();
        services.AddModelContributor<MeldingenModel>();
        services.AddDataMigration<MeldingenMigration>();
        services.AddPermissions<MeldingenPermissions>();

        services.AddSingleton<FormStamp>();
        services.AddScoped<RegionChoices>();
        services.AddScoped<MeldingService>();
        services.AddScoped<MeldingStatistics>();
        services.AddScoped<MeldingRetention>();
        services.AddScoped<IJobHandler, MeldingRetentionJob>();
        services.AddScoped<IPersonalDataProvider, MeldingenPersonalData>();
        services.AddSingleton<IAdminMenuProvider, MeldingenAdminMenu>();
        services.AddPublicMenu<MeldingenPublicMenu>();
    }
}
