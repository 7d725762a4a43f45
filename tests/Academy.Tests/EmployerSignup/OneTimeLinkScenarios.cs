using System.Data.Common;
using System.Net;
using Academy.EmployerSignup.Models;
using Academy.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Academy.Tests.EmployerSignup.SignupForms;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.EmployerSignup;

/// <summary>
/// Issue 9, findings 3 and 5a on the real HARRIE flow: what an employer types cannot put a foreign link or an
/// image in the academy's mail, and the one-time links (confirm, set password) are in the delivered mails only,
/// in no table, while they still work.
/// </summary>
public static class OneTimeLinkScenarios
{
    public const string PhishingOrganisation = "Acme [Uw account is geblokkeerd - klik hier](https://evil.test/phish)";
    public const string PixelContact = "![x](https://evil.test/pixel.gif)";

    public static async Task InjectedTextStaysTextAndTokensNeverRestAsync(EmployerSite site, string editionId)
    {
        var contactEmail = UniqueEmail("contact");
        var browser = site.Anonymous();
        var form = (await FilledAsync(browser, editionId, 1, contactEmail))
            .Set("OrganisationName", PhishingOrganisation)
            .Set("ContactName", PixelContact);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(form)).Status);
        var signupId = await site.WithDbAsync(db => db.Set<EmployerSignupRecord>().Where(s => s.ContactEmail == contactEmail).Select(s => s.Id).SingleAsync());

        var confirmPath = await ConfirmPathAsync(site, signupId);
        var request = Assert.Single(await DeliveredToAsync(site.Factory.Services, contactEmail));
        AssertNoInjection(request);
        Assert.Contains("<a href=\"http://localhost:5000/harrie/bevestigen/", request.HtmlBody);
        Assert.Contains("Aanmelding bevestigen (http://localhost:5000/harrie/bevestigen/", request.TextBody);
        Assert.Contains(PhishingOrganisation, request.TextBody); // shown as the text it is

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(browser, confirmPath)).Status);
        var setPasswordPath = await SetPasswordPathAsync(site, contactEmail);
        var confirmed = Assert.Single(await DeliveredToAsync(site.Factory.Services, contactEmail), m => m.TextBody.Contains("/account/wachtwoord-instellen", StringComparison.Ordinal));
        AssertNoInjection(confirmed);
        Assert.Contains("<a href=\"http://localhost:5000/account/wachtwoord-instellen?email=", confirmed.HtmlBody);

        // Every mail was handed over: no table holds either token, in any form.
        var confirmToken = confirmPath.Split('/').Last();
        var passwordToken = QueryValue(setPasswordPath, "token");
        Assert.True(passwordToken.Length > 20 && confirmToken.Length > 20);
        var found = await StoredStringsContainingAsync(site, [confirmToken, passwordToken, Uri.EscapeDataString(passwordToken)]);
        Assert.True(found.Count == 0, "Token at rest in: " + string.Join(", ", found));

        // The delivered link still works: the contact sets a password through it.
        var page = await browser.GetAsync(setPasswordPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var done = await browser.SubmitAsync(page.Form().Set("Password", AdminTestKit.UserPassword).Set("ConfirmPassword", AdminTestKit.UserPassword));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/werkgever", done.Location);
    }

    private static void AssertNoInjection(MimeMessage mail)
    {
        Assert.DoesNotContain("href=\"https://evil.test", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("](http://localhost", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", mail.TextBody, StringComparison.Ordinal);
    }

    private static string QueryValue(string pathAndQuery, string name) =>
        Uri.UnescapeDataString(pathAndQuery.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1]);

    /// <summary>"table.column" for every stored text value (in every table of the model) that contains one of the needles.</summary>
    public static Task<List<string>> StoredStringsContainingAsync(EmployerSite site, IReadOnlyList<string> needles) => site.WithDbAsync(async db =>
    {
        var found = new List<string>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("MailMessages", tables);
        Assert.Contains("Outbox", tables);
        Assert.Contains("WorkflowInstances", tables);
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (!reader.IsDBNull(i) && reader.GetValue(i) is string text && needles.Any(n => text.Contains(n, StringComparison.Ordinal)))
                        {
                            found.Add($"{table}.{reader.GetName(i)}");
                        }
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found;
    });
}
