using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;

namespace Academy.Tests.Admin;

/// <summary>A fetched page: the response and its parsed HTML.</summary>
public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, string Html)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string? Location => Response.Headers.Location?.OriginalString;

    /// <summary>The texts of the error summary's items.</summary>
    public IReadOnlyList<string> ErrorSummary =>
        Document.QuerySelector("#foutmeldingen")?.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList() ?? [];

    /// <summary>(href, text) of the links in the error summary.</summary>
    public IReadOnlyList<(string? Href, string Text)> ErrorLinks =>
        Document.QuerySelectorAll("#foutmeldingen a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();

    public string? StatusMessage => Document.QuerySelector("[role=status]")?.TextContent.Trim();

    public HtmlForm Form(string selector = "form.utrecht-form[method=post]") =>
        HtmlForm.From(Document.QuerySelector<IHtmlFormElement>(selector)
            ?? throw new InvalidOperationException($"No form '{selector}' on the page:\n{Html}"));

    public IHtmlInputElement? Input(string name) => Document.QuerySelector<IHtmlInputElement>($"input[name='{name}']");

    public string? Value(string name) => Input(name)?.Value;
}

/// <summary>The values a browser would submit for a form (without JavaScript), editable before posting.</summary>
public sealed class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    private HtmlForm(IHtmlFormElement element)
    {
        Element = element;
        Action = element.GetAttribute("action") ?? "";
    }

    public IHtmlFormElement Element { get; }

    public string Action { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public static HtmlForm From(IHtmlFormElement element)
    {
        var form = new HtmlForm(element);
        foreach (var control in element.Elements)
        {
            switch (control)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsDefaultChecked)
                        {
                            form._values.Add(new(input.Name!, input.GetAttribute("value") ?? "on"));
                        }
                    }
                    else if (type is not ("submit" or "button" or "image" or "reset" or "file"))
                    {
                        form._values.Add(new(input.Name!, input.GetAttribute("value") ?? ""));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var options = select.Options.OfType<IHtmlOptionElement>().ToList();
                    var selected = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && options.Count > 0)
                    {
                        selected.Add(options[0]);
                    }
                    foreach (var option in selected)
                    {
                        form._values.Add(new(select.Name!, option.GetAttribute("value") ?? option.TextContent));
                    }
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name) && !textArea.IsDisabled:
                    form._values.Add(new(textArea.Name!, textArea.TextContent));
                    break;
            }
        }
        return form;
    }

    public string? Get(string name) => _values.Where(v => v.Key == name).Select(v => v.Value).FirstOrDefault();

    public HtmlForm Set(string name, string value)
    {
        var index = _values.FindIndex(v => v.Key == name);
        _values.RemoveAll(v => v.Key == name);
        _values.Insert(index < 0 ? _values.Count : index, new(name, value));
        return this;
    }

    public HtmlForm SetAll(string name, params string[] values)
    {
        _values.RemoveAll(v => v.Key == name);
        _values.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        _values.RemoveAll(v => v.Key == name);
        return this;
    }

    /// <summary>The values plus the chosen submit button's name=value (if any).</summary>
    public FormUrlEncodedContent Content(string? command)
    {
        var values = new List<KeyValuePair<string, string>>(_values);
        if (command is not null)
        {
            var button = Element.QuerySelectorAll<IHtmlButtonElement>("button[type=submit]")
                .FirstOrDefault(b => b.Value == command && b.GetAttribute("aria-hidden") != "true")
                ?? throw new InvalidOperationException($"The form has no visible submit button with value '{command}'.");
            values.Add(new(button.Name!, button.Value));
        }
        return new FormUrlEncodedContent(values);
    }
}

/// <summary>A cookie-keeping client that browses the site like a user without JavaScript.</summary>
public sealed class Browser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public async Task<Page> GetAsync(string url) => await ReadAsync(await Client.GetAsync(url));

    /// <summary>GET, following redirects (up to 5), returning the last page.</summary>
    public async Task<Page> GetFollowingAsync(string url)
    {
        var page = await GetAsync(url);
        for (var i = 0; i < 5 && page.Location is { } location && (int)page.Status is >= 300 and < 400; i++)
        {
            page = await GetAsync(location);
        }
        return page;
    }

    public async Task<Page> SubmitAsync(HtmlForm form, string? command = null, string? action = null) =>
        await ReadAsync(await Client.PostAsync(action ?? form.Action, form.Content(command)));

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values) =>
        await ReadAsync(await Client.PostAsync(url, new FormUrlEncodedContent(values)));

    /// <summary>An antiforgery token valid for this client's cookie and user, taken from a form on <paramref name="url"/>.</summary>
    public async Task<string> TokenAsync(string url)
    {
        var page = await GetAsync(url);
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url} ({page.Status}).");
    }

    public async Task LoginAsync(string email, string password)
    {
        var page = await GetAsync("/account/inloggen");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Form("form[method=post]:not([action='/account/uitloggen'])");
        form.Set("Email", email).Set("Password", password);
        var response = await Client.PostAsync(form.Action is { Length: > 0 } action ? action : "/account/inloggen", form.Content(null));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Login of {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, new HtmlParser().ParseDocument(html), html);
    }
}

/// <summary>Accounts and helpers over a running <see cref="AcademyFactory"/>.</summary>
public static class AdminTestKit
{
    public const string UserPassword = "een-lang-genoeg-wachtwoord";

    public static async Task<Browser> AdminAsync(AcademyFactory factory)
    {
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(AcademyFactory.AdminEmail, AcademyFactory.AdminPassword);
        return browser;
    }

    public static Browser Anonymous(AcademyFactory factory) => new(factory.CreateBrowserClient());

    /// <summary>Creates an account with <paramref name="role"/> (created with <paramref name="permissions"/> when missing) and logs it in.</summary>
    public static Task<Browser> UserAsync(AcademyFactory factory, string role, params string[] permissions) =>
        UserWithEmailAsync(factory, role, $"{role.ToLowerInvariant()}-{Guid.NewGuid():n}@example.nl", permissions);

    /// <summary><see cref="UserAsync"/> with a chosen address (to log in again later with <see cref="UserPassword"/>).</summary>
    public static async Task<Browser> UserWithEmailAsync(AcademyFactory factory, string role, string email, params string[] permissions)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AcademyRole>>();
            if (await roles.FindByNameAsync(role) is null)
            {
                var created = new AcademyRole(role) { Description = "Test" };
                Assert.True((await roles.CreateAsync(created)).Succeeded);
                foreach (var permission in permissions)
                {
                    Assert.True((await roles.AddClaimAsync(created, new Claim(PermissionClaim.Type, permission))).Succeeded);
                }
            }
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, UserPassword);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(email, UserPassword);
        return browser;
    }

    public static async Task<int> CountVersionsAsync(AcademyFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().ContentItems.CountAsync();
    }

    /// <summary>A date some weeks ahead, as the form expects it (dd-mm-jjjj).</summary>
    public static string FutureDate(int days = 45) => DateTime.UtcNow.Date.AddDays(days).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The new-offering form of <paramref name="type"/>, filled with a valid offering.</summary>
    public static async Task<HtmlForm> FilledNewFormAsync(Browser browser, string title, string type = "Workshop")
    {
        var page = await browser.GetAsync($"/admin/aanbod/nieuw/{type}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Form()
            .Set("Title", title)
            .Set("Summary", "Een praktische bijeenkomst voor professionals in de regio.")
            .Set("Markdown", "## Programma\n\n- Kennismaken\n- **Oefenen**")
            .Set("Cost", "95,00")
            .Set("CostNote", "Inclusief lunch")
            .Set("Editions[0].Name", "Groep 1")
            .Set("Editions[0].Capacity", "12")
            .Set("Editions[0].Sessions[0].Date", FutureDate())
            .Set("Editions[0].Sessions[0].StartTime", "09:30")
            .Set("Editions[0].Sessions[0].EndTime", "12:00")
            .Set("Editions[0].Sessions[0].Location", "Werkcentrum, Kadestraat 1")
            .Set("Editions[0].Sessions[0].Place", "Arnhem");
    }

    /// <summary>Creates an offering through the form; returns its id (from the redirect to its edit page).</summary>
    public static async Task<string> CreateAsync(Browser browser, string title, string command = "save-draft", Action<HtmlForm>? change = null)
    {
        var form = await FilledNewFormAsync(browser, title);
        change?.Invoke(form);
        var page = await browser.SubmitAsync(form, command);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Saving '{title}' gave {(int)page.Status}: {string.Join(" | ", page.ErrorSummary)}");
        var location = page.Location!;
        Assert.StartsWith("/admin/aanbod/", location);
        return location["/admin/aanbod/".Length..].Split('/')[0];
    }

    /// <summary>Posts a publish/unpublish/delete form on the edit page (by its action suffix).</summary>
    public static async Task<Page> PostActionAsync(Browser browser, string id, string action)
    {
        var token = await browser.TokenAsync($"/admin/aanbod/{id}");
        return await browser.PostAsync($"/admin/aanbod/{id}/{action}", [new("__RequestVerificationToken", token)]);
    }
}

/// <summary>One in-process site (SQLite) shared by the tests of a class.</summary>
public sealed class AdminSite : IDisposable
{
    public AcademyFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
