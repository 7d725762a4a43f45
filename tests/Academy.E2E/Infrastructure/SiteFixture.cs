using Academy.Testing;
using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

/// <summary>
/// One running site and one headless Chromium for every test class in the "site" collection
/// (<c>[Collection("site")]</c>). Each <see cref="NewPageAsync"/> call gets its own browser
/// context (fresh cookies and storage), so tests do not share a login unless they want to.
/// Test classes derive from <see cref="SiteTest"/>, which closes the contexts a test opened when it ends.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>The seeded leer-coördinator of the setup recipe; the recipe gives it no password, the fixture does.</summary>
    public const string CoordinatorEmail = "coordinator@example.nl";
    public const string CoordinatorPassword = "E2e-Leercoordinator!2026";

    /// <summary>Professionals (role Professional) the fixture adds with a password, one per enrolment journey.</summary>
    public const string ProfessionalPassword = "E2e-Professional!2026";
    public static readonly string[] Professionals =
        ["anna@example.nl", "bram@example.nl", "carla@example.nl", "daan@example.nl", "eva@example.nl"];

    /// <summary>A published training the fixture adds with one free group of capacity 1 (for the waitlist journey).</summary>
    public const string SmallOfferingPath = "e2e-kleine-training";
    public const string SmallOfferingTitle = "E2E-training met één plaats";
    public const string SmallGroupName = "Groep met één plaats";

    /// <summary>The setup recipe's demo trainer (role Trainer); the fixture gives it a password.</summary>
    public const string TrainerEmail = "trainer@example.nl";
    public const string TrainerPassword = "E2e-Trainer!2026";

    /// <summary>A gids of the Werkcentrum (role Gids, installed by the Meldingen module), for the question journey.</summary>
    public const string GidsEmail = "gids@example.nl";
    public const string GidsPassword = "E2e-Gids!2026";

    /// <summary>A two-day HARRIE group that took place last week, given by the trainer, with three participants.</summary>
    public const string PastHarrieTitle = "HARRIE-training (afgelopen groep)";
    public const string PastHarrieEditionId = "e2e-harrie-afgelopen-groep";
    public const string PastHarrieGroupName = "Groep vorige week";
    public static readonly string[] PastHarrieParticipants = [Professionals[0], Professionals[1], Professionals[2]];

    /// <summary>How long Expect(...) assertions wait (Playwright's default of 5 s is too short on a slow 2-core CI machine).</summary>
    public const float ExpectTimeoutMs = 15_000;

    /// <summary>Debian's chromium; override with ACADEMY_CHROMIUM. Playwright never downloads browsers here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("ACADEMY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private readonly Dictionary<string, Task<string>> _signedInStates = new(StringComparer.OrdinalIgnoreCase);
    private SiteServer? _site;
    private SmtpTestServer? _mail;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SiteServer Site => _site ?? throw new InvalidOperationException("The site fixture has not been initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The site fixture has not been initialised.");

    public string BaseUrl => Site.BaseUrl;

    /// <summary>The loopback SMTP server the site sends all its mail to.</summary>
    public SmtpTestServer Mail => _mail ?? throw new InvalidOperationException("The site fixture has not been initialised.");

    public string AdminEmail => Site.AdminEmail;

    public string AdminPassword => Site.AdminPassword;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install Debian's chromium (`apt-get install -y chromium`; ./test.sh does this) or set ACADEMY_CHROMIUM.");

        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);

        _mail = await SmtpTestServer.StartNewAsync();

        // Start the browser while the site sets itself up.
        var siteTask = StartSiteAsync(_mail);
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch
        {
            // Do not orphan the site process when the browser cannot start.
            try { (await siteTask).Dispose(); } catch (Exception) { }
            await CloseBrowserAsync();
            throw;
        }

        try
        {
            _site = await siteTask;
        }
        catch
        {
            await CloseBrowserAsync();
            throw;
        }
    }

    private static async Task<SiteServer> StartSiteAsync(SmtpTestServer mail)
    {
        var site = await SiteServer.StartAsync(new Dictionary<string, string?>
        {
            ["Academy__Email__Smtp__Host"] = "127.0.0.1",
            ["Academy__Email__Smtp__Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Academy__Email__Smtp__Security"] = "None",
            ["Academy__Background__PollMilliseconds"] = "200",
            // Mail links must open in the test's browser.
            ["Academy__PublicBaseUrl"] = SiteServer.BaseUrlPlaceholder,
        });
        try
        {
            // The journeys log in as the leer-coördinator the setup recipe creates (role Leercoördinator,
            // so they prove that role is enough); the recipe gives it no password, so set one.
            await site.RunRecipeAsync("e2e-coordinator", $$"""
                {
                  "name": "e2e-coordinator",
                  "displayName": "E2E: wachtwoord voor de leer-coördinator",
                  "description": "Geeft de leer-coördinator uit het setup-recept een wachtwoord voor de end-to-end tests.",
                  "issetuprecipe": false,
                  "steps": [
                    {
                      "name": "Users",
                      "Users": [
                        {
                          "UserName": "{{CoordinatorEmail}}",
                          "Email": "{{CoordinatorEmail}}",
                          "Roles": [ "Leercoördinator" ],
                          "Password": "{{CoordinatorPassword}}"
                        },
                        {
                          "UserName": "{{TrainerEmail}}",
                          "Email": "{{TrainerEmail}}",
                          "Roles": [ "Trainer" ],
                          "Password": "{{TrainerPassword}}"
                        },
                        {
                          "UserName": "{{GidsEmail}}",
                          "Email": "{{GidsEmail}}",
                          "DisplayName": "Gids Werkcentrum",
                          "Roles": [ "Gids" ],
                          "Password": "{{GidsPassword}}"
                        }{{ProfessionalEntries()}}
                      ]
                    },
                    {{SmallOfferingStep()}},
                    {{PastHarrieSteps()}}
                  ]
                }
                """);
        }
        catch
        {
            site.Dispose();
            throw;
        }
        return site;
    }

    private static string ProfessionalEntries() => string.Concat(Professionals.Select(email => $$"""
        ,
                        {
                          "UserName": "{{email}}",
                          "Email": "{{email}}",
                          "DisplayName": "{{DisplayName(email)}}",
                          "Roles": [ "Professional" ],
                          "OrganisationId": "werkcentrum",
                          "Password": "{{ProfessionalPassword}}"
                        }
        """));

    private static string SmallOfferingStep() => $$"""
        {
          "name": "Content",
          "Data": [
            {
              "ContentItemId": "e2e-kleine-training",
              "ContentType": "Training",
              "Published": true,
              "TitlePart": { "Title": "{{SmallOfferingTitle}}" },
              "AutoroutePart": { "Path": "{{SmallOfferingPath}}" },
              "MarkdownBodyPart": { "Markdown": "Een training met één plaats, voor de wachtlijst." },
              "OfferingPart": {
                "Summary": "Een training met één plaats voor de end-to-end tests.",
                "OrganiserId": "gemeente-arnhem",
                "Themes": [ "methodisch-werken" ],
                "Audiences": [ "klantmanagers" ],
                "Form": "fysiek",
                "CostEuros": 0,
                "CancellationDays": 0
              },
              "EditionsPart": {
                "Editions": [
                  {
                    "EditionId": "e2e-kleine-training-groep",
                    "Name": "{{SmallGroupName}}",
                    "Capacity": 1,
                    "Sessions": [
                      {
                        "SessionId": "e2e-kleine-training-dag-1",
                        "Start": "[date:+6w wo 09:00]",
                        "End": "[date:+6w wo 12:00]",
                        "Location": "Werkcentrum Midden-Gelderland",
                        "Place": "Arnhem",
                        "OnlineUrl": null
                      }
                    ]
                  }
                ]
              },
              "Training": { "Praktijkverklaring": { "Value": false } }
            }
          ]
        }
        """;

    private static string PastHarrieSteps() => $$"""
        {
          "name": "Content",
          "Data": [
            {
              "ContentItemId": "e2e-harrie-afgelopen",
              "ContentType": "Training",
              "Published": true,
              "TitlePart": { "Title": "{{PastHarrieTitle}}" },
              "AutoroutePart": { "Path": "e2e-harrie-afgelopen" },
              "MarkdownBodyPart": { "Markdown": "Een tweedaagse HARRIE-groep die vorige week plaatsvond." },
              "OfferingPart": {
                "Summary": "Tweedaagse HARRIE-training die vorige week plaatsvond, voor de end-to-end tests van presentie en certificaten.",
                "OrganiserId": "werkgeversservicepunt",
                "Themes": [ "inclusief-werkgeverschap" ],
                "Audiences": [ "werkgevers" ],
                "Form": "fysiek",
                "CostEuros": 0,
                "CompletionRule": "AllSessions",
                "Accreditations": [ { "RegisterId": "registerplein", "Hours": 12, "Code": "RP-26-0198" } ]
              },
              "EditionsPart": {
                "Editions": [
                  {
                    "EditionId": "{{PastHarrieEditionId}}",
                    "Name": "{{PastHarrieGroupName}}",
                    "Capacity": 12,
                    "TrainerEmails": [ "{{TrainerEmail}}" ],
                    "Sessions": [
                      { "SessionId": "e2e-harrie-afgelopen-dag-1", "Start": "[date:-1w di 09:00]", "End": "[date:-1w di 16:00]", "Location": "Werkgeversservicepunt", "Place": "Arnhem", "OnlineUrl": null },
                      { "SessionId": "e2e-harrie-afgelopen-dag-2", "Start": "[date:-1w do 09:00]", "End": "[date:-1w do 16:00]", "Location": "Werkgeversservicepunt", "Place": "Arnhem", "OnlineUrl": null }
                    ]
                  }
                ]
              },
              "Training": { "Praktijkverklaring": { "Value": false } }
            }
          ]
        },
        {
          "name": "Enrolments",
          "Enrolments": [
            {
              "EditionId": "{{PastHarrieEditionId}}",
              "Participants": [{{string.Join(",", PastHarrieParticipants.Select(e => $"{{ \"Email\": \"{e}\", \"Name\": \"{DisplayName(e)}\" }}"))}}]
            }
          ]
        }
        """;

    public static string DisplayName(string email) => char.ToUpperInvariant(email[0]) + email[1..email.IndexOf('@')] + " Professional";

    /// <summary>
    /// A page in a new browser context: Dutch locale, Amsterdam time zone, relative URLs resolve
    /// against <see cref="BaseUrl"/>. CSP is bypassed by default so axe can be injected; pass
    /// <paramref name="configure"/> to change options (for example <c>o =&gt; o.BypassCSP = false</c>
    /// in a test that checks the Content-Security-Policy itself).
    /// </summary>
    public async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            BaseURL = BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        configure?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        lock (_contexts) _contexts.Add(context);
        context.Close += (_, closed) =>
        {
            lock (_contexts) _contexts.Remove(closed);
        };
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page in a new browser context that is already signed in as <paramref name="email"/>: the login form
    /// is filled once per account and its cookies are reused (a test of the login itself should use
    /// <see cref="NewPageAsync"/> and <see cref="SiteActions.LogInAsync"/>).
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(string email, string password, Action<BrowserNewContextOptions>? configure = null)
    {
        Task<string> state;
        lock (_signedInStates)
        {
            if (!_signedInStates.TryGetValue(email, out state!) || state.IsFaulted || state.IsCanceled)
            {
                state = SignInAsync(email, password);
                _signedInStates[email] = state;
            }
        }
        var storageState = await state;
        return await NewPageAsync(options =>
        {
            options.StorageState = storageState;
            configure?.Invoke(options);
        });
    }

    public Task<IPage> NewAdminPageAsync(Action<BrowserNewContextOptions>? configure = null) =>
        NewSignedInPageAsync(AdminEmail, AdminPassword, configure);

    private async Task<string> SignInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        try
        {
            await page.GotoAsync("/account/inloggen");
            await SiteActions.LogInAsync(page, email, password);
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/inloggen"));
            return await page.Context.StorageStateAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await CloseBrowserAsync();
        _site?.Dispose();
        _site = null;
        if (_mail is not null) await _mail.DisposeAsync();
        _mail = null;
    }

    private async Task CloseBrowserAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in contexts)
        {
            try { await context.CloseAsync(); } catch (PlaywrightException) { }
        }
        if (_browser is not null)
        {
            try { await _browser.CloseAsync(); } catch (PlaywrightException) { }
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
    }
}

[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
}
