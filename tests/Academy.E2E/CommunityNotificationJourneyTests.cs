using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// Community notifications in a browser: a professional starts a topic in an open group and mentions a colleague, who
/// gets the mail, follows its link and replies; the author sees the reply under "Mijn meldingen". axe-core on the
/// notifications page and the unsubscribe page (from the mail's link) at 1280 and at 375 px wide.
/// </summary>
[Collection("site")]
public sealed class CommunityNotificationJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Group = "/community/jobcoaches";

    [Fact]
    public async Task A_professional_mentions_a_colleague_who_gets_the_mail_and_replies_through_its_link()
    {
        var authorEmail = SiteFixture.Professionals[4];
        var colleagueEmail = SiteFixture.Professionals[2];
        var author = await NewSignedInPageAsync(authorEmail, SiteFixture.ProfessionalPassword);
        var colleague = await NewSignedInPageAsync(colleagueEmail, SiteFixture.ProfessionalPassword);
        foreach (var page in new[] { author, colleague })
        {
            await page.GotoAsync(Group);
            // The site is shared by the journeys: another one may have made this person a member already.
            var join = page.GetByRole(AriaRole.Button, new() { Name = "Lid worden", Exact = true });
            if (await join.CountAsync() > 0)
            {
                await join.ClickAsync();
                await Expect(page.Locator("#statusmelding")).ToBeVisibleAsync();
            }
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lid worden", Exact = true })).ToHaveCountAsync(0);
        }

        const string title = "Tips voor de eerste weken op de werkplek";
        await author.GetByRole(AriaRole.Link, new() { Name = "Nieuw onderwerp", Exact = true }).First.ClickAsync();
        await author.GetByLabel("Titel").FillAsync(title);
        await author.GetByLabel("Tekst", new() { Exact = true })
            .FillAsync($"Wat spreek je af met de leidinggevende? @{SiteFixture.DisplayName(colleagueEmail)}, hoe doe jij dat?");
        await author.GetByRole(AriaRole.Button, new() { Name = "Onderwerp plaatsen" }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        var mail = await MailAsync(colleagueEmail, $"noemde je in: {title}");
        Assert.Contains("/community/afmelden/", mail.Message.Headers["List-Unsubscribe"]);
        await colleague.GotoAsync(LinkIn(mail, "/community/jobcoaches/"));
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await colleague.GetByLabel("Je reactie").FillAsync("Ik maak in week 1 een afspraak over een vast aanspreekpunt.");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(colleague.Locator("#statusmelding")).ToContainTextAsync("Je reactie is geplaatst");

        // The author follows their own topic: the reply shows up under "Mijn meldingen" (the worker fans out in the background).
        var replyNotice = author.Locator(".community-notification").Filter(new() { HasText = "reageerde op" });
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await author.GotoAsync("/community/meldingen");
        }
        while (await replyNotice.CountAsync() == 0 && DateTime.UtcNow < until && await Wait());
        await Expect(replyNotice).ToHaveCountAsync(1);
        await CommunityJourneyTests.CheckBothWidthsAsync(author, "/community/meldingen");
        await author.GetByRole(AriaRole.Button, new() { Name = "Lees het bericht: " + title }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        var visitor = await NewPageAsync();
        var unsubscribe = LinkIn(mail, "/community/afmelden/");
        await CommunityJourneyTests.CheckBothWidthsAsync(visitor, new Uri(unsubscribe).PathAndQuery);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Ja, meld me af" }).ClickAsync();
        await Expect(visitor.Locator("#statusmelding")).ToContainTextAsync("Je bent afgemeld");
        await Axe.AssertNoViolationsAsync(visitor, "the unsubscribe confirmation");
    }

    private static async Task<bool> Wait()
    {
        await Task.Delay(300);
        return true;
    }
}
