using Academy.Core.Hosting;
using Academy.Core.Modules;

namespace Academy.Web;

/// <summary>The modules this site is made of. Adding a module is adding a project and one line here.</summary>
public static class SiteModules
{
    public static ModuleStartup[] All() =>
    [
        new CoreStartup(),
        new Academy.Users.UsersStartup(),
        new Academy.Media.MediaStartup(),
        new Academy.Email.EmailStartup(),
        new Academy.Workflows.WorkflowsStartup(),
        new Academy.Leeragenda.LeeragendaStartup(),
        new Academy.Enrolment.EnrolmentStartup(),
        new Academy.EmployerSignup.EmployerSignupStartup(),
        new Academy.Accreditation.AccreditationStartup(),
        new Academy.Admin.AdminStartup(),
        new Academy.Pages.PagesStartup(),
        new Academy.Meldingen.MeldingenStartup(),
        new Academy.Community.CommunityStartup(),
        new Academy.Werkcentrum.WerkcentrumStartup(),
        new Academy.Search.SearchStartup(),
        new Academy.Theme.Werkcentrum.WerkcentrumThemeStartup(),
        new Academy.Theme.Admin.AdminThemeStartup(),
    ];
}
