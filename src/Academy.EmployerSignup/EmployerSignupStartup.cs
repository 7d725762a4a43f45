using Academy.Leeragenda.Abstractions;
using Academy.Core.Privacy;
using Academy.Core.Contracts;
using Academy.Core.Jobs;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.EmployerSignup.Data;
using Academy.EmployerSignup.Events;
using Academy.EmployerSignup.Services;
using Academy.Workflows.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.EmployerSignup;

/// <summary>
/// HARRIE sign-up by employers: the public form at /harrie (no account needed), the confirmation link, the
/// expiry of unconfirmed holds, the employer's own pages at /werkgever, the coördinator's page at /admin/harrie
/// and the retention job.
/// </summary>
public sealed class EmployerSignupStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmployerSignupOptions>(configuration.GetSection("Academy:EmployerSignup"));
        services.AddSignupThrottle();
        services.AddModelContributor<EmployerSignupModel>();
        services.AddDataMigration<EmployerSignupMigration>();
        services.AddPermissions<EmployerSignupPermissions>();
        services.AddPersonalData<Services.Privacy.EmployerSignupPersonalData>();

        services.AddSingleton<SignupTokens>();
        services.AddScoped<HarrieEditions>();
        services.AddScoped<EmployerSignupService>();
        services.AddScoped<IMailLinkResolver, ConfirmLinkResolver>();
        services.AddScoped<EmployerParticipants>();
        services.AddScoped<EmployerContacts>();
        services.AddScoped<HoldCaps>();
        services.AddScoped<SignupRetention>();
        services.AddScoped<IJobHandler, SignupExpiryJob>();
        services.AddScoped<IJobHandler, SignupRetentionJob>();
        services.AddSingleton<IAdminMenuProvider, Controllers.HarrieAdminMenu>();
        services.AddPublicMenu<EmployerSignupPublicMenu>();
        services.AddSingleton<IOfferingPageLinks, HarriePageLinks>();

        services.AddWorkflowEvent(nameof(EmployerSignupRequested), "Werkgever heeft medewerkers aangemeld (HARRIE)");
        services.AddWorkflowEvent(nameof(EmployerSignupConfirmed), "Werkgever heeft de aanmelding bevestigd (HARRIE)");
        services.AddWorkflowEvent(nameof(EmployerSignupExpired), "Aanmelding van werkgever is verlopen (HARRIE)");
    }
}
