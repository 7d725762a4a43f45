using Academy.Core.Privacy;
using Academy.Core.Background;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Security;
using Academy.Email.Migrations;
using Academy.Email.Models;
using Academy.Email.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Email;

/// <summary>
/// Mail and notifications: the mail outbox (queued in the caller's transaction, sent in the background with
/// retries, over SMTP or to .eml files), Liquid + Markdown mail templates, in-app notifications ("Meldingen")
/// and the admin page of the mail outbox.
/// </summary>
public sealed class EmailStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddModelContributor<EmailModel>();
        services.AddDataMigration<EmailMigration>();

        services.AddSingleton<MailMessageIds>();
        services.AddScoped<IMailQueue, MailQueue>();
        services.AddSingleton<MailMarkdown>();
        services.AddSingleton<IMailComposer, MailComposer>();
        services.AddScoped<INotifier, Notifier>();

        services.AddSingleton<MailTransportSelector>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<MailTransportSelector>().Transport);
        services.AddSingleton<MailMessageBuilder>();
        services.AddScoped<MailLinkExpander>();
        services.AddBackgroundProcessor<MailDispatcher>();

        services.AddPermissions<EmailPermissions>();
        services.AddPersonalData<Services.Privacy.EmailPersonalData>();
        services.AddSingleton<IAdminMenuProvider, EmailAdminMenu>();
        services.AddPublicMenu<EmailPublicMenu>();
        services.AddScoped<IAdminDashboardProvider, MailDashboard>();
    }
}

public sealed class EmailPermissions : IPermissionProvider
{
    public const string ManageEmail = "ManageEmail";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageEmail, "E-mail beheren"),
    ];
}

public sealed class EmailAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("E-mail", "Email.MailAdmin.Index", EmailPermissions.ManageEmail, 80),
    ];
}
