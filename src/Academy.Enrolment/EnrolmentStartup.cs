using Academy.Core.Privacy;
using Academy.Core.Background;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Leeragenda.Abstractions;
using Academy.Core.Modules;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Activities;
using Academy.Enrolment.Data;
using Academy.Enrolment.Migrations;
using Academy.Enrolment.Queries;
using Academy.Enrolment.Services;
using Academy.Workflows.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Enrolment;

/// <summary>Aanmelden: enrolment rules, seat counters, waitlist, approval, employer holds, and their events.</summary>
public sealed class EnrolmentStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<EnrolmentModel>();
        services.AddDataMigration<EnrolmentMigration>();
        // The offering's enrolment policy: its own part, editor and validation (the offering editor composes the editor).
        services.AddContentPart<Models.EnrolmentPart>();
        services.AddContentPartDriver<Editors.EnrolmentPartDriver>();
        services.AddContentHandler<Models.EnrolmentPartHandler>();
        services.AddSingleton<Academy.Core.Content.ILegacyContentShape, Models.EnrolmentLegacyShape>();

        services.AddScoped<SeatCounter>();
        services.AddScoped<Prerequisites>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<IEnrolmentService>(sp => sp.GetRequiredService<EnrolmentService>());
        services.AddScoped<IEnrolmentCompletion>(sp => sp.GetRequiredService<EnrolmentService>());
        services.AddScoped<IEditionActions, EditionActions>();
        services.AddScoped<IEnrolmentRoster, EnrolmentRoster>();
        services.AddScoped<IOfferingCompletions, OfferingCompletions>();
        services.AddPersonalData<Services.Privacy.EnrolmentPersonalData>();
        // Wins over the Leeragenda's TryAdd default whichever module registers first.
        services.Replace(ServiceDescriptor.Scoped<IEditionSeats, EnrolmentEditionSeats>());
        services.AddDomainEventHandler<SeatsOutputCacheEviction>();

        services.AddRecipeStep<Recipes.EnrolmentsStep>();
        services.AddActivity<SetEnrolmentStatus>();
        services.AddWorkflowEvent("EnrolmentRequested", "Aanmelding aangevraagd (wacht op goedkeuring)");
        services.AddWorkflowEvent("EnrolmentConfirmed", "Aanmelding bevestigd");
        services.AddWorkflowEvent("EnrolmentWaitlisted", "Op de wachtlijst gezet");
        services.AddWorkflowEvent("EnrolmentPromoted", "Van de wachtlijst geplaatst");
        services.AddWorkflowEvent("EnrolmentCancelled", "Aanmelding geannuleerd");
        services.AddWorkflowEvent("EnrolmentDeclined", "Aanmelding afgewezen");
        services.AddWorkflowEvent("EnrolmentApproved", "Aanmelding goedgekeurd");
        services.AddWorkflowEvent("EnrolmentCompleted", "Deelname afgerond");
        services.AddEnrolmentPages();
    }
}
