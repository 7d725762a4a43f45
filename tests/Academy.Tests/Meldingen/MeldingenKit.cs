using System.Net;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Meldingen.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.EmployerSignup;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Meldingen;

/// <summary>
/// A site for the meldingen tests with a clock the test moves (the form's minimum fill time, retention). The
/// throttle is off unless a test passes its own limit.
/// </summary>
public sealed class MeldingenSite : IDisposable
{
    public MeldingenSite(string? postgresConnection = null, int submissionsPerWindow = 1000)
    {
        Factory = new AcademyFactory(postgresConnection)
        {
            ConfigureHost = builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)),
        };
        Factory.Settings["Academy:Meldingen:SubmissionsPerWindow"] = submissionsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public AcademyFactory Factory { get; }

    public MutableClock Clock { get; } = new();

    public Browser Visitor() => AdminTestKit.Anonymous(Factory);

    /// <summary>A new account with the role Gids (as the module's migration installs it), signed in.</summary>
    public Task<Browser> GidsAsync(string name) => AdminTestKit.UserWithEmailAsync(Factory, "Gids", $"gids-{name}-{Guid.NewGuid():n}@example.nl");

    /// <summary>The question form filled in as a person would, with e-mail as the way back.</summary>
    public static Dictionary<string, string> Valid(string email = "vrager@example.nl") => new()
    {
        ["Audience"] = "werkzoekende",
        ["Topic"] = "werk-zoeken",
        ["Gemeente"] = "Arnhem",
        ["Question"] = "Ik zoek werk in de zorg. Waar kan ik terecht?",
        ["Channel"] = "email",
        ["Email"] = email,
        ["Consent"] = "ja",
    };

    /// <summary>Opens the form, lets <paramref name="fillTime"/> pass and posts <paramref name="fields"/> with the form's stamp and token.</summary>
    public async Task<Page> AskAsync(Browser browser, IDictionary<string, string> fields, TimeSpan? fillTime = null)
    {
        var form = await browser.GetAsync("/werkcentrum/vraag");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        if (!values.ContainsKey("Stamp"))
        {
            values["Stamp"] = form.Document.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        }
        Clock.Now += fillTime ?? TimeSpan.FromSeconds(20);
        return await browser.PostAsync("/werkcentrum/vraag", values);
    }

    /// <summary>Asks a valid question and returns its reference number from the thank-you page.</summary>
    public async Task<string> AskValidAsync(Browser browser, IDictionary<string, string>? fields = null)
    {
        var posted = await AskAsync(browser, fields ?? Valid());
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var sent = await browser.GetAsync(posted.Location!);
        return sent.Document.QuerySelector("#melding-nummer")!.TextContent.Trim();
    }

    public async Task<T> WithDbAsync<T>(Func<AcademyDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AcademyDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> CountAsync() => WithDbAsync(db => db.Set<Melding>().CountAsync());

    public Task<Melding> MeldingAsync(string reference) => WithDbAsync(db => db.Set<Melding>().AsNoTracking().SingleAsync(m => m.Reference == reference));

    public Task<int> MailsToAsync(string email) => WithDbAsync(db => db.Set<MailMessageRecord>().CountAsync(m => m.To == email));

    public void Dispose() => Factory.Dispose();
}
