using System.Net;
using Academy.Core.Hosting;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.EmployerSignup;
using Academy.Users.Services;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Users.Management;

/// <summary>Invitations the site sends by itself: to the recipe's accounts without a password, and to HARRIE employees.</summary>
internal static class InvitationScenarios
{
    public static readonly string[] RecipeAccounts = ["coordinator@example.nl", "trainer@example.nl"];

    public static async Task Recipe_users_get_exactly_one_invitation_on_setup(AcademyFactory factory)
    {
        async Task<List<string>> InvitationsAsync(string to) => (await MailsAsync(factory.Services))
            .Where(m => m.To == to && m.IdempotencyKey.StartsWith("uitnodiging:", StringComparison.Ordinal)).Select(m => m.Text).ToList();

        foreach (var email in RecipeAccounts)
        {
            var text = Assert.Single(await InvitationsAsync(email));
            Assert.Contains("/eenmalige-link/wachtwoord/", text);
        }
        Assert.Empty(await InvitationsAsync(AcademyFactory.AdminEmail));

        // Setup again (as a restart would, were it to run): still one mail each.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<ISetupHandler>().OfType<RecipeUserInvitations>().Single();
            await handler.SetupAsync(new SetupContext { Options = new SetupOptions() });
        }
        foreach (var email in RecipeAccounts)
        {
            Assert.Single(await InvitationsAsync(email));
        }
    }

    /// <summary>The employee's invitation leads to "Mijn aanmeldingen", which shows the enrolment the employer made.</summary>
    public static async Task Harrie_employees_get_an_invitation_to_their_own_enrolments(EmployerSite site)
    {
        var signupId = await SignupForms.SignUpAsync(site, SignupForms.FirstGroup, employees: 1);
        var confirmed = await SignupForms.ConfirmAsync(site.Anonymous(), await SignupForms.ConfirmPathAsync(site, signupId));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        await site.DrainAsync();

        var invitation = Assert.Single(await DeliveredAsync(site.Factory.Services),
            m => m.To.Mailboxes.Any(b => b.Address.StartsWith("medewerker1-", StringComparison.Ordinal)) && m.Subject.StartsWith("Je account bij", StringComparison.Ordinal));
        Assert.Contains("Bakkerij De Korenaar B.V. heeft je aangemeld", invitation.TextBody);
        var employee = site.Anonymous();
        var signedIn = await UserManagementKit.SetPasswordAsync(employee, new Uri(LinkIn(invitation, "/account/wachtwoord-instellen")).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/mijn-aanmeldingen", signedIn.Location);
        var mine = await employee.GetAsync("/mijn-aanmeldingen");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains("HARRIE", mine.Document.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }
}
