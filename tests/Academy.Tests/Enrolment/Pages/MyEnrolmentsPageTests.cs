using System.Net;
using System.Text;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using static Academy.Tests.Enrolment.Pages.PagesTestKit;

namespace Academy.Tests.Enrolment.Pages;

/// <summary>"Mijn aanmeldingen": own enrolments only, self-cancellation around the deadline, .ics, foreign ids.</summary>
public abstract class MyEnrolmentsPageTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Lists_own_enrolments_with_their_status_and_no_one_elses()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var other = await PersonAsync(site);
        var mine = await CreateOfferingAsync(site);
        var full = await CreateOfferingAsync(site, capacity: 1);
        var byEmployer = await CreateOfferingAsync(site);
        var notMine = await CreateOfferingAsync(site);
        await EnrolAsync(site, mine.EditionId, me.AsParticipant);
        await EnrolAsync(site, full.EditionId, Guest("Eerste"));
        var waiting = await EnrolAsync(site, full.EditionId, me.AsParticipant);
        // An employer enrolled me without my account: found by my e-mail address (any case).
        await EnrolAsync(site, byEmployer.EditionId, new Participant(null, "Via werkgever", me.Email.ToUpperInvariant()));
        await EnrolAsync(site, notMine.EditionId, other.AsParticipant);

        var page = await me.Browser.GetAsync("/mijn-aanmeldingen");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var items = page.Document.QuerySelectorAll(".my-enrolment").ToList();
        Assert.Equal(3, items.Count);
        Assert.DoesNotContain(notMine.Title, page.Html);
        var own = items.Single(i => i.TextContent.Contains(mine.Title));
        Assert.Equal("Bevestigd", own.QuerySelector(".my-enrolment__status")!.TextContent.Trim());
        Assert.NotNull(own.QuerySelector("a[href='/leeragenda/deelnemers-" + mine.Title.Split(' ')[1] + "']"));
        Assert.Contains("Groep 1", own.TextContent);
        Assert.Contains("Arnhem, online", own.TextContent);
        Assert.Equal($"Op de wachtlijst (plaats {waiting.WaitlistPosition})", items.Single(i => i.TextContent.Contains(full.Title)).QuerySelector(".my-enrolment__status")!.TextContent.Trim());
        Assert.Equal(1, waiting.WaitlistPosition);
        Assert.Contains(byEmployer.Title, page.Html);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var site = await SiteAsync();
        var page = await AdminTestKit.Anonymous(site).GetAsync("/mijn-aanmeldingen");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/inloggen", Absolute(page.Location!));
    }

    [Fact]
    public async Task Cancelling_before_the_deadline_asks_for_confirmation_then_cancels_and_promotes()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 1, cancellationDays: 7);
        var mine = await EnrolAsync(site, offering.EditionId, me.AsParticipant);
        var next = await EnrolAsync(site, offering.EditionId, Guest("Wachtende"));

        var confirm = await me.Browser.GetAsync($"/mijn-aanmeldingen/{mine.EnrolmentId}/annuleren");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Zelf annuleren kan tot", confirm.Html);
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, mine.EnrolmentId!.Value)).Status);

        var done = await me.Browser.SubmitAsync(confirm.Form());
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/mijn-aanmeldingen", done.Location);
        Assert.Equal(EnrolmentStatus.Cancelled, (await RecordAsync(site, mine.EnrolmentId.Value)).Status);
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, next.EnrolmentId!.Value)).Status);

        var list = await me.Browser.GetAsync("/mijn-aanmeldingen");
        Assert.Contains("is geannuleerd", list.StatusMessage);
        Assert.Equal("Geannuleerd", list.Document.QuerySelector(".my-enrolment__status")!.TextContent.Trim());
        Assert.Null(list.Document.QuerySelector($"a[href='/mijn-aanmeldingen/{mine.EnrolmentId}/annuleren']"));
    }

    [Fact]
    public async Task After_the_deadline_the_page_explains_whom_to_contact_and_a_post_changes_nothing()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        // Starts in three days; participants may cancel until seven days before: too late.
        var offering = await CreateOfferingAsync(site, startUtc: DateTime.UtcNow.AddDays(3), cancellationDays: 7);
        var mine = await EnrolAsync(site, offering.EditionId, me.AsParticipant);

        var page = await me.Browser.GetAsync($"/mijn-aanmeldingen/{mine.EnrolmentId}/annuleren");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("De termijn om zelf te annuleren is verstreken", page.Html);
        Assert.NotNull(page.Document.QuerySelector("a[href^='mailto:']"));
        Assert.Null(page.Document.QuerySelector("form[action$='/annuleren']"));

        var token = await me.Browser.TokenAsync("/account/uitloggen");
        var post = await me.Browser.PostAsync($"/mijn-aanmeldingen/{mine.EnrolmentId}/annuleren", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Contains("De termijn om zelf te annuleren is verstreken", post.Html);
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, mine.EnrolmentId!.Value)).Status);
    }

    [Fact]
    public async Task Someone_elses_enrolment_is_not_found_and_stays_unchanged()
    {
        var site = await SiteAsync();
        var owner = await PersonAsync(site);
        var intruder = await PersonAsync(site);
        var offering = await CreateOfferingAsync(site);
        var theirs = await EnrolAsync(site, offering.EditionId, owner.AsParticipant);
        var id = theirs.EnrolmentId!.Value;

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Browser.GetAsync($"/mijn-aanmeldingen/{id}/annuleren")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Browser.GetAsync($"/mijn-aanmeldingen/{id}.ics")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Browser.GetAsync("/mijn-aanmeldingen/999999999/annuleren")).Status);
        var token = await intruder.Browser.TokenAsync("/account/uitloggen");
        var post = await intruder.Browser.PostAsync($"/mijn-aanmeldingen/{id}/annuleren", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.DoesNotContain(offering.Title, post.Html);

        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, id)).Status);
    }

    [Fact]
    public async Task The_calendar_file_holds_every_session_of_the_group()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var offering = await CreateOfferingAsync(site);
        var mine = await EnrolAsync(site, offering.EditionId, me.AsParticipant);

        var response = await me.Browser.Client.GetAsync($"/mijn-aanmeldingen/{mine.EnrolmentId}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"aanmelding-{mine.EnrolmentId}.ics", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var ics = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains($"SUMMARY:{offering.Title} (Groep 1)", ics);

        var link = (await me.Browser.GetAsync("/mijn-aanmeldingen")).Document.QuerySelector($"a[href='/mijn-aanmeldingen/{mine.EnrolmentId}.ics']");
        Assert.NotNull(link);
    }
}
