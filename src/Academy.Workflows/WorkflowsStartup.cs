using Academy.Core.Privacy;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Core.Modules;
using Academy.Core.Security;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Migrations;
using Academy.Workflows.Models;
using Academy.Workflows.Recipes;
using Academy.Workflows.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Workflows;

/// <summary>Workflow types as JSON, started and resumed by domain events, timers and signed signal links; admin pages and a recipe step.</summary>
public sealed class WorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<WorkflowsModel>();
        services.AddDataMigration<WorkflowsMigration>();
        services.AddPermissions<WorkflowPermissions>();
        services.AddPersonalData<Services.Privacy.WorkflowPersonalData>();
        services.AddSingleton<IAdminMenuProvider, WorkflowAdminMenu>();
        services.AddScoped<IAdminDashboardProvider, WorkflowDashboard>();
        services.AddRecipeStep<WorkflowTypesStep>();
        services.AddDefaultsStep<WorkflowTypesDefaultsStep>();

        services.AddSingleton<WorkflowLiquid>();
        services.AddSingleton<IWorkflowLiquid>(sp => sp.GetRequiredService<WorkflowLiquid>());
        services.AddSingleton<WorkflowDefinitionCache>();
        services.AddSingleton<ActivityCatalog>();
        services.AddScoped<IWorkflowMail, WorkflowMailService>();
        services.AddSingleton<SignalLinks>();
        services.AddSingleton<ISignalLinks>(sp => sp.GetRequiredService<SignalLinks>());
        services.AddSingleton<IMailLinkResolver>(sp => sp.GetRequiredService<SignalLinks>());
        services.AddScoped<ActivityLibrary>();
        services.AddScoped<WorkflowValidator>();
        services.AddScoped<WorkflowTypeStore>();
        services.AddScoped<WorkflowDefinitionReader>();
        services.AddScoped<WorkflowActivityContexts>();
        services.AddScoped<WorkflowManager>();
        services.AddScoped<IWorkflowSignaller, WorkflowSignaller>();
        services.AddScoped<IDomainEventHandler, WorkflowEventHandler>();
        services.AddScoped<IJobHandler, WorkflowTimerJobHandler>();

        services.AddWorkflowEvent(ContentPublishedEvent.Registration.EventType, ContentPublishedEvent.Registration.DisplayText);
        services.AddActivity<ContentPublishedEvent>();
        services.AddActivity<TimerEvent>();
        services.AddActivity<SignalEvent>();
        services.AddActivity<SendEmailTask>();
        services.AddActivity<NotifyTask>();
        services.AddActivity<ConditionTask>();
        services.AddActivity<WaitTask>();
        services.AddActivity<SetVariableTask>();
    }
}

public sealed class WorkflowPermissions : IPermissionProvider
{
    public const string ManageWorkflows = "ManageWorkflows";

    public IEnumerable<Permission> GetPermissions() => [new(ManageWorkflows, "Workflows beheren")];
}

public sealed class WorkflowAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() => [AdminMenuItem.ForRoute("Workflows", "Workflows.WorkflowAdmin.Index", WorkflowPermissions.ManageWorkflows, 60)];
}
