using Academy.Leeragenda.Abstractions;
using System.Net;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Jobs;
using Academy.Core.Text;
using Academy.Email.Models;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.EmployerSignup.SignupForms;

namespace Academy.Tests.EmployerSignup;

/// <summary>Issue 9 (findings 1, 2 and 5b): written once, run on SQLite and on PostgreSQL.</summary>
public static class EmployerSecurityScenarios
{
    /// <summary>The caps the hold-abuse site runs with (the site's defaults are 12 each).</summary>
    public static readonly Dictionary<string, string> CapSettings = new()
    {
        ["Academy:EmployerSignup:MaxUnconfirmedSeatsPerGroup"] = "10",
        ["Academy:EmployerSignup:MaxUnconfirmedSeatsPerAddress"] = "8",
        ["Academy:EmployerSignup:MaxUnconfirmedSeatsPerEmail"] = "6",
    };

    /// <summary>
    /// Finding 1: a second contact who uses the same (public) KvK number sees none of the first contact's employees
    /// and cannot swap or cancel them, until the first contact links them; the coördinator can unlink again.
    /// </summary>
    public static async Task SameKvkGrantsNothingUntilLinkedAsync(EmployerSite site, string editionId)
    {
        var kvk = Kvk();
        var (owner, ownerSignupId) = await ConfirmedEmployerAsync(site, editionId, 2, kvk);
        var victims = await site.EnrolmentsAsync(ownerSignupId);
        var (intruder, intruderSignupId) = await ConfirmedEmployerAsync(site, editionId, 1, kvk);
        var ownerSignup = (await site.SignupAsync(ownerSignupId))!;
        var intruderSignup = (await site.SignupAsync(intruderSignupId))!;
        Assert.Equal(ownerSignup.OrganisationId, intruderSignup.OrganisationId);
        var intruderAccount = await site.WithDbAsync(db => db.Set<AcademyUser>().AsNoTracking().SingleAsync(u => u.Id == intruderSignup.ContactUserId));
        Assert.Null(intruderAccount.OrganisationId);

        // The intruder sees only their own employee, and every route on the owner's employees is a 404 that changes nothing.
        var overview = await intruder.GetAsync("/werkgever");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.All(victims, v => Assert.DoesNotContain(v.ParticipantEmail, overview.Html));
        Assert.Single(overview.Document.QuerySelectorAll("a[href$='/vervangen']"));
        var ownEnrolment = (await site.EnrolmentsAsync(intruderSignupId))[0].Id;
        var token = await intruder.TokenAsync($"/werkgever/deelnemers/{ownEnrolment}/afmelden");
        foreach (var victim in victims)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/werkgever/deelnemers/{victim.Id}/vervangen")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/werkgever/deelnemers/{victim.Id}/afmelden")).Status);
            var swap = await intruder.PostAsync($"/werkgever/deelnemers/{victim.Id}/vervangen",
                [new("__RequestVerificationToken", token), new("Name", "Indringer"), new("Email", UniqueEmail("indringer")), new("Function", "X")]);
            Assert.Equal(HttpStatusCode.NotFound, swap.Status);
            var cancel = await intruder.PostAsync($"/werkgever/deelnemers/{victim.Id}/afmelden", [new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        }
        Assert.Equal(victims.Select(v => (v.ParticipantEmail, v.Status)), (await site.EnrolmentsAsync(ownerSignupId)).Select(v => (v.ParticipantEmail, v.Status)));
        // Nor can the intruder link themselves.
        var selfLink = await intruder.PostAsync("/werkgever/collegas/koppelen",
            [new("__RequestVerificationToken", token), new("organisation", ownerSignup.OrganisationId!), new("contact", intruderSignup.ContactUserId!)]);
        Assert.Equal(HttpStatusCode.NotFound, selfLink.Status);

        // The owner sees the newcomer waiting and links them.
        var ownerPage = await owner.GetAsync("/werkgever");
        Assert.Contains(intruderSignup.ContactEmail, ownerPage.Document.QuerySelector("#collegas")!.ParentElement!.TextContent);
        Assert.DoesNotContain((await site.EnrolmentsAsync(intruderSignupId))[0].ParticipantEmail, ownerPage.Html);
        var linked = await owner.SubmitAsync(ownerPage.Form("form[action='/werkgever/collegas/koppelen']"));
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        Assert.Contains("is gekoppeld", (await owner.GetAsync("/werkgever")).StatusMessage);
        Assert.Equal(ownerSignup.OrganisationId,
            (await site.WithDbAsync(db => db.Set<AcademyUser>().AsNoTracking().SingleAsync(u => u.Id == intruderSignup.ContactUserId))).OrganisationId);

        // Linked: each sees the other's employees, and the colleague may swap one.
        Assert.Contains((await site.EnrolmentsAsync(intruderSignupId))[0].ParticipantEmail, (await owner.GetAsync("/werkgever")).Html);
        Assert.Contains(victims[0].ParticipantEmail, (await intruder.GetAsync("/werkgever")).Html);
        var swapPage = await intruder.GetAsync($"/werkgever/deelnemers/{victims[0].Id}/vervangen");
        Assert.Equal(HttpStatusCode.OK, swapPage.Status);
        var replacement = UniqueEmail("collega");
        var swapped = await intruder.SubmitAsync(swapPage.Form().Set("Name", "Door Collega").Set("Email", replacement).Set("Function", "Teamleider"));
        Assert.Equal(HttpStatusCode.Redirect, swapped.Status);
        Assert.Equal(replacement.ToLowerInvariant(), (await site.EnrolmentsAsync(ownerSignupId))[0].ParticipantEmail);

        // The coördinator unlinks the colleague on /admin/harrie: back to their own sign-ups only.
        var admin = await site.AdminAsync();
        var adminPage = await admin.GetAsync("/admin/harrie");
        Assert.Equal(HttpStatusCode.OK, adminPage.Status);
        var unlinked = await admin.SubmitAsync(adminPage.Form($"tr[data-contact='{intruderSignup.ContactUserId}'] form"));
        Assert.Equal(HttpStatusCode.Redirect, unlinked.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/werkgever/deelnemers/{victims[1].Id}/afmelden")).Status);
        Assert.DoesNotContain(victims[1].ParticipantEmail, (await intruder.GetAsync("/werkgever")).Html);
        // ... and can link them again.
        var relinked = await admin.SubmitAsync((await admin.GetAsync("/admin/harrie")).Form($"tr[data-contact='{intruderSignup.ContactUserId}'] form"));
        Assert.Equal(HttpStatusCode.Redirect, relinked.Status);
        Assert.Equal(HttpStatusCode.OK, (await intruder.GetAsync($"/werkgever/deelnemers/{victims[1].Id}/afmelden")).Status);
    }

    /// <summary>
    /// Finding 2: repeat sign-ups from one address or e-mail address cannot hold more than the caps, a group cannot fill
    /// up with unconfirmed seats, and holds end after the configured 30 minutes. The site runs with <see cref="CapSettings"/>.
    /// </summary>
    public static async Task HoldsAreCappedAndShortAsync(EmployerSite site, string groupA, string groupB)
    {
        const string address = "203.0.113.7";
        var email = UniqueEmail("vasthouder");
        var browser = site.Anonymous(address);
        Assert.Contains("We houden de plaatsen 30 minuten voor je vast", (await browser.GetAsync("/harrie")).Html);
        var first = await SignUpAsync(site, groupA, 6, email, clientAddress: address);
        Assert.Contains("Bevestig binnen 30 minuten", (await browser.GetAsync("/harrie/controleer-je-email")).Html);
        var request = (await site.EventsAsync("EmployerSignupRequested")).Single(e => e.GetProperty("SignupId").GetString() == first);
        var signup = (await site.SignupAsync(first))!;
        Assert.Equal(30, (request.GetProperty("ExpiresUtc").GetDateTime().ToUniversalTime() - UtcDates.AsUtc(signup.CreatedUtc)).TotalMinutes, 3);
        Assert.Equal(address, signup.ClientKey);
        // The mail names the (new, short) deadline to the minute.
        await site.DrainAsync();
        var expires = UtcDates.AsUtc(signup.ExpiresUtc);
        var mail = await site.WithDbAsync(db => db.Set<MailMessageRecord>().AsNoTracking().SingleAsync(m => m.To.ToLower() == email.ToLower()));
        Assert.Contains($"{DutchFormat.Date(expires)} om {DutchFormat.Time(expires)}", mail.Text);

        // The same e-mail address from elsewhere: over its cap of 6.
        await RefusedAsync(site, groupB, 1, email, "198.51.100.1", "#ContactEmail", "Met dit e-mailadres zijn al plaatsen gereserveerd");
        // The same address with another e-mail address: over its cap of 8; the probe's eight sign-ups in a row get no further.
        await SignUpAsync(site, groupB, 2, UniqueEmail("tweede"), clientAddress: address);
        for (var i = 0; i < 8; i++)
        {
            await RefusedAsync(site, groupB, 2, UniqueEmail("flood"), address, null, "Vanaf dit adres zijn al plaatsen gereserveerd");
        }
        // Others from elsewhere: the group holds at most 10 unconfirmed seats, whoever asks.
        await RefusedAsync(site, groupA, 5, UniqueEmail("derde"), "198.51.100.2", "#EditionId", "Voor deze groep wachten nu te veel plaatsen op een bevestiging");
        await SignUpAsync(site, groupA, 4, UniqueEmail("vierde"), clientAddress: "198.51.100.2");
        Assert.Equal(10, await site.TakenAsync(groupA));
        Assert.Equal(2, await site.TakenAsync(groupB));

        // After 30 minutes without confirmation every seat is free again, and the address may hold seats anew.
        site.Clock!.Now = site.Clock.Now.AddMinutes(31);
        await site.DrainAsync();
        Assert.Equal(0, await site.TakenAsync(groupA));
        Assert.Equal(0, await site.TakenAsync(groupB));
        var ended = (await site.SignupAsync(first))!;
        Assert.Equal(EmployerSignupStatus.Expired, ended.Status);
        Assert.Null(ended.ClientKey);
        await SignUpAsync(site, groupB, 6, email, clientAddress: address);
        Assert.Equal(6, await site.TakenAsync(groupB));
    }

    /// <summary>The coördinator sees an unconfirmed sign-up on /admin/harrie and releases its seats; its link stops working.</summary>
    public static async Task CoordinatorReleasesAHoldAsync(EmployerSite site, string editionId)
    {
        var (employer, _) = await ConfirmedEmployerAsync(site, editionId, 1);
        var signupId = await SignUpAsync(site, editionId, 3);
        var confirmPath = await ConfirmPathAsync(site, signupId);
        Assert.Equal(4, await site.TakenAsync(editionId));

        // Only for the coördinator: an employer (or a visitor) gets no page and cannot post.
        Assert.NotEqual(HttpStatusCode.OK, (await employer.GetAsync("/admin/harrie")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await site.Anonymous().GetAsync("/admin/harrie")).Status);
        var token = await employer.TokenAsync("/werkgever/deelnemers/" + (await EmployeeOfAsync(site, employer)) + "/afmelden");
        var forged = await employer.PostAsync($"/admin/harrie/reserveringen/{signupId}/vrijgeven", [new("__RequestVerificationToken", token)]);
        Assert.NotEqual("/admin/harrie", forged.Location);
        Assert.Equal(EmployerSignupStatus.Unconfirmed, (await site.SignupAsync(signupId))!.Status);

        var admin = await site.AdminAsync();
        var page = await admin.GetAsync("/admin/harrie");
        Assert.Equal("HARRIE-werkgevers", page.Document.QuerySelector(".admin-nav a[href='/admin/harrie']")?.TextContent.Trim());
        var row = page.Document.QuerySelector($"tr[data-signup='{signupId}']");
        Assert.NotNull(row);
        Assert.Contains("Bakkerij De Korenaar B.V.", row!.TextContent);
        var released = await admin.SubmitAsync(page.Form($"tr[data-signup='{signupId}'] form"));
        Assert.Equal(HttpStatusCode.Redirect, released.Status);
        Assert.Contains("zijn vrijgegeven", (await admin.GetAsync("/admin/harrie")).StatusMessage);

        Assert.Equal(1, await site.TakenAsync(editionId));
        Assert.Equal(EmployerSignupStatus.Released, (await site.SignupAsync(signupId))!.Status);
        Assert.All(await site.EnrolmentsAsync(signupId), e => Assert.Equal(EnrolmentStatus.Expired, e.Status));
        Assert.Null(await site.ExpiryJobAsync(signupId));
        var link = await site.Anonymous().GetAsync(confirmPath);
        Assert.Equal(HttpStatusCode.Gone, link.Status);
        Assert.Contains("Reservering vrijgegeven", link.Html);
        var again = await admin.PostAsync($"/admin/harrie/reserveringen/{signupId}/vrijgeven", [new("__RequestVerificationToken", await admin.TokenAsync("/admin/harrie"))]);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    /// <summary>
    /// Finding 5b: the daily job removes never-confirmed sign-ups (and their ended holds) 30 days after the hold ended,
    /// and confirmed ones a year after the group's last session; confirmed employees' enrolments stay.
    /// </summary>
    public static async Task RetentionRemovesOldSignupsAsync(EmployerSite site, string editionId)
    {
        var kvk = Kvk();
        var expiredId = await SignUpAsync(site, editionId, 2);
        var (_, confirmedId) = await ConfirmedEmployerAsync(site, editionId, 1, kvk);
        var (_, waitingId) = await ConfirmedEmployerAsync(site, editionId, 1, kvk);
        var confirmed = (await site.SignupAsync(confirmedId))!;
        var waiting = (await site.SignupAsync(waitingId))!;
        Assert.NotNull(await site.WithDbAsync(db => db.Set<ScheduledJob>().AsNoTracking()
            .SingleOrDefaultAsync(j => j.Kind == "employer-signup-retention" && j.CompletedUtc == null)));

        site.Clock!.Now = site.Clock.Now.AddMinutes(31);
        await site.DrainAsync();
        Assert.Equal(EmployerSignupStatus.Expired, (await site.SignupAsync(expiredId))!.Status);
        site.Clock.Now = site.Clock.Now.AddDays(29);
        await site.DrainAsync();
        Assert.NotNull(await site.SignupAsync(expiredId));

        site.Clock.Now = site.Clock.Now.AddDays(2);
        await site.DrainAsync();
        Assert.Null(await site.SignupAsync(expiredId));
        Assert.Empty(await site.EnrolmentsAsync(expiredId));
        Assert.NotNull(await site.SignupAsync(confirmedId));

        var end = (await site.WithServiceAsync<IEditionCatalog, EditionInfo?>(c => c.GetAsync(editionId)))!.EndUtc!.Value;
        site.Clock.Now = new DateTimeOffset(UtcDates.AsUtc(end)).AddDays(366);
        await site.DrainAsync();
        Assert.Null(await site.SignupAsync(confirmedId));
        Assert.Null(await site.SignupAsync(waitingId));
        Assert.Equal([EnrolmentStatus.Confirmed], (await site.EnrolmentsAsync(confirmedId)).Select(e => e.Status));
        var contacts = await site.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().Where(c => c.OrganisationId == confirmed.OrganisationId).ToListAsync());
        Assert.Equal([confirmed.ContactUserId], contacts.Select(c => c.UserId));
        Assert.DoesNotContain(contacts, c => c.UserId == waiting.ContactUserId);
    }

    /// <summary>
    /// A site whose sign-ups were confirmed before schema step 2 (no contacts table yet): after the upgrade the first
    /// contact of the organisation is linked, the later one with the same KvK number waits, and the retention job is due.
    /// </summary>
    public static async Task UpgradeLinksOnlyTheFirstContactAsync(EmployerSite site, string editionId)
    {
        var kvk = Kvk();
        var (_, firstId) = await ConfirmedEmployerAsync(site, editionId, 1, kvk);
        var (later, laterId) = await ConfirmedEmployerAsync(site, editionId, 1, kvk);
        var first = (await site.SignupAsync(firstId))!;
        var second = (await site.SignupAsync(laterId))!;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            // Back to what schema step 1 made.
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"EmployerContacts\"");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_EmployerSignups_Status_EditionId\"");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"EmployerSignups\" DROP COLUMN \"ClientKey\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ScheduledJobs\" WHERE \"Kind\" = 'employer-signup-retention'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"SchemaVersions\" SET \"Version\" = 1 WHERE \"Module\" = 'Academy.EmployerSignup'");
        }
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        var contacts = await site.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().Where(c => c.OrganisationId == first.OrganisationId).ToListAsync());
        Assert.True(contacts.Single(c => c.UserId == first.ContactUserId).IsLinked);
        Assert.False(contacts.Single(c => c.UserId == second.ContactUserId).IsLinked);
        Assert.Equal(second.ContactEmail, contacts.Single(c => c.UserId == second.ContactUserId).Email);
        var job = await site.WithDbAsync(db => db.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Kind == "employer-signup-retention"));
        Assert.True(UtcDates.AsUtc(job.DueUtc) <= DateTime.UtcNow.AddMinutes(1));
        // The later contact now sees only their own employee.
        var overview = await later.GetAsync("/werkgever");
        Assert.Single(overview.Document.QuerySelectorAll("a[href$='/vervangen']"));
        Assert.DoesNotContain((await site.EnrolmentsAsync(firstId))[0].ParticipantEmail, overview.Html);
        Assert.Null((await site.SignupAsync(firstId))!.ClientKey);
    }

    private static async Task RefusedAsync(EmployerSite site, string editionId, int employees, string email, string address, string? field, string message)
    {
        var signups = await site.SignupCountAsync();
        var taken = await site.TakenAsync(editionId);
        var browser = site.Anonymous(address);
        var page = await browser.SubmitAsync(await FilledAsync(browser, editionId, employees, email));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        if (field is null)
        {
            Assert.Contains(page.ErrorSummary, t => t.StartsWith(message, StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(page.ErrorLinks, l => l.Href == field && l.Text.StartsWith(message, StringComparison.Ordinal));
        }
        Assert.Equal(email, page.Value("ContactEmail"));
        Assert.Equal(signups, await site.SignupCountAsync());
        Assert.Equal(taken, await site.TakenAsync(editionId));
    }

    private static async Task<long> EmployeeOfAsync(EmployerSite site, Browser employer)
    {
        var link = (await employer.GetAsync("/werkgever")).Document.QuerySelector("a[href$='/afmelden']")!.GetAttribute("href")!;
        return long.Parse(link.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
