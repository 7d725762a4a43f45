using Academy.Core.Hosting;
using Academy.Core.Settings;
using Academy.Email.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.Accounts;

/// <summary>
/// The mails about an account, queued in the caller's unit of work (they commit with the change that causes them).
/// One-time links go in as references (<see cref="AccountLinks"/>); names people typed are escaped by the composer.
/// </summary>
public sealed class AccountMails(IMailComposer composer, IMailQueue queue, DocumentStore documents, LinkGenerator links,
    IOptions<AcademyOptions> site, IOptions<AccountLinkOptions> linkOptions)
{
    private string BaseUrl => site.Value.PublicBaseUrl.TrimEnd('/');

    private string Page(string routeName) => BaseUrl + links.GetPathByName(routeName, null);

    public Task ConfirmRegistrationAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "registratie", user.Id,
        "Bevestig je e-mailadres",
        """
        Beste {{ Name }},

        Je hebt een account aangemaakt bij {{ Site }}. Bevestig je e-mailadres met deze link:

        [E-mailadres bevestigen]({{ Link }})

        De link werkt {{ Hours }} uur. Heb jij je niet aangemeld? Dan hoef je niets te doen: zonder bevestiging kan niemand het account gebruiken.
        """,
        new() { ["Link"] = AccountLinks.Reference(BaseUrl, AccountLinks.ConfirmRegistration, user.Id), ["Hours"] = linkOptions.Value.ConfirmationLinkHours });

    public Task AddressInUseAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "adres-in-gebruik", user.Id,
        "Iemand wilde een account maken met jouw e-mailadres",
        """
        Beste {{ Name }},

        Iemand heeft geprobeerd een account aan te maken bij {{ Site }} met dit e-mailadres. Je hebt al een account, dus er is niets veranderd.

        Was jij dat en weet je je wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan: [Wachtwoord vergeten]({{ Link }})

        Was jij het niet? Dan hoef je niets te doen.
        """,
        new() { ["Link"] = Page(AccountRoutes.ForgotPassword) });

    public Task RegistrationPendingAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "registratie-wacht", user.Id,
        "Je aanmelding wacht op goedkeuring",
        """
        Beste {{ Name }},

        Bedankt voor het bevestigen van je e-mailadres. Je e-mailadres hoort niet bij een van de partnerorganisaties van {{ Site }}. Daarom bekijkt de leer-coördinator je aanmelding eerst. Je krijgt een mail zodra je aanmelding is goedgekeurd of afgewezen.
        """,
        new());

    public Task RegistrationApprovedAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "registratie-goedgekeurd", user.Id,
        "Je account is goedgekeurd",
        """
        Beste {{ Name }},

        De leer-coördinator heeft je aanmelding goedgekeurd. Je kunt nu inloggen bij {{ Site }} en je aanmelden voor aanbod:

        [Inloggen]({{ Link }})
        """,
        new() { ["Link"] = Page("Users.Account.Login") });

    public Task RegistrationDeclinedAsync(string email, string name, string userId) => SendAsync(email, name, "registratie-afgewezen", userId,
        "Je aanmelding is niet goedgekeurd",
        """
        Beste {{ Name }},

        De leer-coördinator heeft je aanmelding bij {{ Site }} niet goedgekeurd. Je account is verwijderd, en de gegevens die je invulde ook.

        Denk je dat dit een vergissing is? Neem dan contact op met de leer-coördinator van je regio.
        """,
        new());

    public Task ResetPasswordAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "wachtwoord-vergeten", user.Id,
        "Nieuw wachtwoord kiezen",
        """
        Beste {{ Name }},

        Je hebt gevraagd om een nieuw wachtwoord voor {{ Site }}. Kies een nieuw wachtwoord met deze link:

        [Nieuw wachtwoord kiezen]({{ Link }})

        De link werkt {{ Minutes }} minuten en maar één keer. Heb jij dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.
        """,
        new() { ["Link"] = AccountLinks.Reference(BaseUrl, AccountLinks.ResetPassword, user.Id), ["Minutes"] = linkOptions.Value.PasswordResetLinkMinutes });

    public Task PasswordChangedAsync(AcademyUser user) => SendAsync(user.Email!, user.DisplayName, "wachtwoord-gewijzigd", user.Id,
        "Je wachtwoord is gewijzigd",
        """
        Beste {{ Name }},

        Het wachtwoord van je account bij {{ Site }} is gewijzigd. Je bent op alle andere apparaten uitgelogd.

        Heb jij dit niet gedaan? Vraag dan meteen een nieuw wachtwoord aan: [Wachtwoord vergeten]({{ Link }})
        """,
        new() { ["Link"] = Page(AccountRoutes.ForgotPassword) });

    public Task ConfirmNewEmailAsync(AcademyUser user, string newEmail) => SendAsync(newEmail, user.DisplayName, "nieuw-adres", user.Id,
        "Bevestig je nieuwe e-mailadres",
        """
        Beste {{ Name }},

        Je wilt dit e-mailadres gebruiken voor je account bij {{ Site }}. Bevestig het met deze link:

        [Nieuw e-mailadres bevestigen]({{ Link }})

        De link werkt {{ Hours }} uur. Tot je bevestigt, blijft je oude e-mailadres in gebruik.
        """,
        new() { ["Link"] = AccountLinks.NewEmailReference(BaseUrl, user.Id, newEmail), ["Hours"] = linkOptions.Value.ConfirmationLinkHours });

    public Task EmailChangedAsync(string oldEmail, AcademyUser user) => SendAsync(oldEmail, user.DisplayName, "adres-gewijzigd", user.Id,
        "Je e-mailadres is gewijzigd",
        """
        Beste {{ Name }},

        Het e-mailadres van je account bij {{ Site }} is gewijzigd. Vanaf nu krijg je mail op het nieuwe adres; op dit adres krijg je geen mail meer van ons.

        Heb jij dit niet gedaan? Neem dan meteen contact op met de leer-coördinator van je regio.
        """,
        new());

    private async Task SendAsync(string to, string name, string kind, string userId, string subject, string body, Dictionary<string, object?> model)
    {
        model["Name"] = name;
        model["Site"] = (await documents.GetSiteSettingsAsync()).SiteName;
        var (composedSubject, html, text) = await composer.ComposeAsync(subject, body, model);
        // Each request is its own mail: a second "wachtwoord vergeten" sends a second mail.
        await queue.EnqueueAsync(new MailDraft(to, name, composedSubject, html, text, $"account:{kind}:{userId}:{Guid.NewGuid():N}"));
    }
}
