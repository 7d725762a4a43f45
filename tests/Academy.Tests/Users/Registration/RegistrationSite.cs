using System.Net;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.EmployerSignup;
using Academy.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Users.Registration;

/// <summary>
/// One site for the registration and password tests, with a clock the test moves (link expiry) and a partner
/// organisation whose e-mail domain is <see cref="PartnerDomain"/>.
/// </summary>
public sealed class RegistrationSite : IDisposable
{
    public const string PartnerDomain = "proef-partner.nl";
    public const string PartnerId = "proef-partner";
    public const string Password = "zomeravond-aan-de-rijn";

    private readonly AcademyFactory _root;

    public RegistrationSite() : this(new AcademyFactory())
    {
    }

    internal RegistrationSite(AcademyFactory root)
    {
        _root = root;
        // Every test client posts from the same (unknown) address; the throttle has its own tests.
        _root.Settings["Academy:Users:LoginAttemptsPerWindow"] = "10000";
        _root.Settings["Academy:Users:MinimumAnswerMilliseconds"] = "50";
        Factory = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    public MutableClock Clock { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public Browser Anonymous() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<Browser> AdminAsync()
    {
        var browser = Anonymous();
        await browser.LoginAsync(AcademyFactory.AdminEmail, AcademyFactory.AdminPassword);
        return browser;
    }

    public async Task EnsurePartnerAsync() => await WithDbAsync(async db =>
    {
        if (await db.Set<Organisation>().FindAsync(PartnerId) is null)
        {
            db.Add(new Organisation { Id = PartnerId, Name = "Proef Partner", Kind = "gemeente", EmailDomains = PartnerDomain });
            await db.SaveChangesAsync();
        }
        return true;
    });

    public async Task<T> WithDbAsync<T>(Func<AcademyDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AcademyDbContext>());
    }

    public async Task DrainAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            var handled = 0;
            await using var scope = Factory.Services.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<Academy.Core.Background.IBackgroundProcessor>())
            {
                handled += await processor.ProcessBatchAsync(CancellationToken.None);
            }
            if (handled == 0)
            {
                return;
            }
        }
    }

    /// <summary>The delivered mails to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<List<MimeMessage>> MailsToAsync(string to, string subject)
    {
        await DrainAsync();
        return (await DeliveredToAsync(Factory.Services, to)).Where(m => m.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The site-relative link from the one mail to <paramref name="to"/> with this subject.</summary>
    public async Task<string> LinkAsync(string to, string subject, string path) =>
        new Uri(LinkIn(Assert.Single(await MailsToAsync(to, subject)), path)).PathAndQuery;

    public static string UniqueEmail(string domain) => $"reg-{Guid.NewGuid():n}@{domain}";

    /// <summary>Fills and sends the registration form; returns the answer.</summary>
    public async Task<Page> RegisterAsync(Browser browser, string email, string organisationId, string password = Password, string? other = null)
    {
        var form = (await browser.GetAsync("/account/registreren")).Form()
            .Set("DisplayName", "Sam Proef").Set("Email", email).Set("OrganisationId", organisationId)
            .Set("Function", "Klantmanager").Set("Password", password).Set("Consent", "true");
        if (other is not null)
        {
            form.Set("OtherOrganisation", other);
        }
        return await browser.SubmitAsync(form);
    }

    /// <summary>Opens the confirmation link and presses its button.</summary>
    public static async Task<Page> ConfirmAsync(Browser browser, string link)
    {
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await browser.SubmitAsync(page.Form());
    }

    public async Task<(HttpStatusCode Status, IReadOnlyList<string> Errors)> TryLoginAsync(string email, string password)
    {
        var browser = Anonymous();
        var form = (await browser.GetAsync("/account/inloggen")).Form("form[method=post]:not([action='/account/uitloggen'])")
            .Set("Email", email).Set("Password", password);
        var page = await browser.SubmitAsync(form, action: "/account/inloggen");
        return (page.Status, page.ErrorSummary);
    }

    public Task<List<string>> RolesAsync(string email) => WithDbAsync(db =>
        (from u in db.Set<AcademyUser>()
         join ur in db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>() on u.Id equals ur.UserId
         join r in db.Set<AcademyRole>() on ur.RoleId equals r.Id
         where u.NormalizedEmail == email.ToUpperInvariant()
         select r.Name!).ToListAsync());

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }
}
