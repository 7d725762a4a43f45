using Academy.Core.Privacy;
using Academy.Accreditation.Data;
using Academy.Accreditation.Migrations;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Recipes;
using Academy.Accreditation.Services;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation;

/// <summary>
/// Accreditatie: registers and professionals' register numbers, attendance per session, completion rules,
/// the append-only hours ledger, certificates with public verification, "Mijn leeruren", exports and dashboard.
/// </summary>
public sealed class AccreditationStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<AccreditationModel>();
        services.AddDataMigration<AccreditationMigration>();
        // An offering's completion rule and accreditations: this module's own part, editor and validation.
        services.AddContentPart<Models.AccreditationPart>();
        services.AddContentPartDriver<Editors.AccreditationPartDriver>();
        services.AddContentHandler<Models.AccreditationPartHandler>();
        services.AddSingleton<Academy.Core.Content.ILegacyContentShape, Models.AccreditationLegacyShape>();
        services.AddPermissions<AccreditationPermissions>();
        services.AddPersonalData<Services.Privacy.AccreditationPersonalData>();
        services.AddSingleton<IAdminMenuProvider, AccreditationAdminMenu>();
        services.AddPublicMenu<AccreditationPublicMenu>();
        services.AddScoped<RegisterDirectory>();
        services.Replace(ServiceDescriptor.Scoped<IRegisterDirectory>(sp => sp.GetRequiredService<RegisterDirectory>()));
        services.AddRecipeStep<RegistersStep>();
        services.AddDefaultsStep<RegistersDefaultsStep>();

        services.AddRegistersAndLedger();
        services.AddAttendance();
        services.AddRegisterProfileAndMyHours();
        services.AddAccreditationReports();
    }
}
