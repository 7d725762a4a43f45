using System.Net;
using Academy.Core.Data;
using Academy.Leeragenda.Abstractions;
using Academy.Media.Services;
using Academy.Testing;
using Academy.Tests.Accreditation.Ledger;
using Academy.Tests.Admin;
using Academy.Tests.Media;
using Academy.Users;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Users.Privacy;

/// <summary>"Mijn profiel": round trip, photo processing and serving, visibility to colleagues, and bad uploads.</summary>
public abstract class ProfileScenarios
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task A_profile_with_themes_and_photo_round_trips_and_is_found_only_while_visible()
    {
        var factory = await SiteAsync();
        var member = await PrivacyTestKit.MemberAsync(factory);
        var themes = await WithAsync(factory, sp => sp.GetRequiredService<IThemeTaxonomy>().ThemesAsync());
        Assert.NotEmpty(themes);
        var organisation = await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<Organisation>().Select(o => o.Id).FirstAsync());

        var saved = await PrivacyTestKit.SaveProfileAsync(member.Browser, new Dictionary<string, string>
        {
            ["DisplayName"] = member.Name,
            ["OrganisationId"] = organisation,
            ["Function"] = "Jobcoach " + member.UserId[..6],
            ["Bio"] = "Ik ken de regio goed.",
            ["VisibleToColleagues"] = "true",
        }, TestImages.Png(500, 400), "foto.png", themes[0].Id);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await member.Browser.GetAsync("/mijn-profiel?melding=opgeslagen");
        Assert.Contains("Je profiel is opgeslagen.", page.StatusMessage);
        Assert.Equal("Ik ken de regio goed.", page.Document.QuerySelector("textarea[name=Bio]")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"input[name=Themes][value='{themes[0].Id}'][checked]"));
        var profile = (await WithAsync(factory, sp => sp.GetRequiredService<IMemberProfiles>().GetAsync(member.UserId)))!;
        Assert.Equal(("Jobcoach " + member.UserId[..6], organisation, true, true), (profile.Function, profile.OrganisationId, profile.VisibleToColleagues, profile.HasPhoto));
        Assert.Equal([themes[0].Id], profile.ExpertiseThemes);

        // The photo: for colleagues while visible, cached for good with its version in the address.
        var colleague = await PrivacyTestKit.MemberAsync(factory);
        var url = $"/profielfoto/{member.UserId}/m?v={profile.PhotoVersion}";
        using (var photo = await colleague.Browser.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", photo.Headers.CacheControl!.ToString());
            Assert.NotNull(photo.Headers.ETag);
            var image = SixLabors.ImageSharp.Image.Identify(await photo.Content.ReadAsByteArrayAsync());
            Assert.Equal((128, 128), (image.Width, image.Height));
        }
        using (var anonymous = await AdminTestKit.Anonymous(factory).Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }
        var byName = await SearchAsync(factory, new MemberSearch(Text: member.Name.ToUpperInvariant()));
        Assert.Equal([member.UserId], byName.Members.Select(m => m.UserId));
        Assert.Equal([member.UserId], (await SearchAsync(factory, new MemberSearch(Function: "jobcoach " + member.UserId[..6]))).Members.Select(m => m.UserId));
        Assert.Contains(member.UserId, (await SearchAsync(factory, new MemberSearch(Theme: themes[0].Id, OrganisationId: organisation, PageSize: 100))).Members.Select(m => m.UserId));

        // Hidden: not found, photo 404 for others, the owner still sees it.
        var hidden = await PrivacyTestKit.SaveProfileAsync(member.Browser, new Dictionary<string, string>
        {
            ["DisplayName"] = member.Name, ["Function"] = "Jobcoach " + member.UserId[..6],
        });
        Assert.Equal(HttpStatusCode.Redirect, hidden.Status);
        Assert.Empty((await SearchAsync(factory, new MemberSearch(Text: member.Name))).Members);
        using (var other = await colleague.Browser.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        using (var own = await member.Browser.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // Removing the photo removes the files; the page shows the initials avatar.
        var token = await member.Browser.TokenAsync("/mijn-profiel");
        var removed = await member.Browser.PostAsync("/mijn-profiel/foto-verwijderen", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Empty(PrivacyTestKit.PhotoFiles(factory, member.UserId));
        var initials = (await member.Browser.GetAsync("/mijn-profiel")).Document.QuerySelector("#profiel-initialen");
        Assert.Equal("AW", initials?.TextContent.Trim());
    }

    [Theory]
    [InlineData("te-groot")]
    [InlineData("geen-foto")]
    [InlineData("bom")]
    public async Task A_bad_upload_gets_a_dutch_message_keeps_the_form_and_stores_nothing(string kind)
    {
        var factory = await SiteAsync();
        var member = await PrivacyTestKit.MemberAsync(factory);
        var (bytes, message) = kind switch
        {
            "te-groot" => (new byte[13 * 1024 * 1024], ImageSharpProcessor.TooLarge),
            "geen-foto" => ("%PDF-1.4 dit is geen foto"u8.ToArray(), ImageSharpProcessor.NotAnImage),
            _ => (TestImages.PngClaiming(100_000, 100_000), ImageSharpProcessor.TooManyPixels),
        };

        var page = await PrivacyTestKit.SaveProfileAsync(member.Browser, new Dictionary<string, string>
        {
            ["DisplayName"] = member.Name, ["Function"] = "Bewaard " + kind, ["VisibleToColleagues"] = "true",
        }, bytes, "upload.png");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorSummary);
        Assert.Equal("Bewaard " + kind, page.Value("Function"));
        Assert.Empty(PrivacyTestKit.PhotoFiles(factory, member.UserId));
        var profile = (await WithAsync(factory, sp => sp.GetRequiredService<IMemberProfiles>().GetAsync(member.UserId)))!;
        Assert.Equal((null, false, false), (profile.Function, profile.HasPhoto, profile.VisibleToColleagues));
    }

    [Fact]
    public async Task Bad_fields_are_refused_in_dutch_and_change_nothing()
    {
        var factory = await SiteAsync();
        var member = await PrivacyTestKit.MemberAsync(factory);

        var page = await PrivacyTestKit.SaveProfileAsync(member.Browser, new Dictionary<string, string>
        {
            ["DisplayName"] = " ", ["OrganisationId"] = "bestaat-niet", ["Bio"] = new string('x', 1001),
        }, themes: "geen-thema");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Vul je naam in.", "Kies een organisatie uit de lijst.", "Over jezelf mag hoogstens 1000 tekens lang zijn.", "Kies thema's uit de lijst."],
            page.ErrorSummary);
        var profile = (await WithAsync(factory, sp => sp.GetRequiredService<IMemberProfiles>().GetAsync(member.UserId)))!;
        Assert.Equal(member.Name, profile.DisplayName);
    }

    private static Task<MemberSearchResult> SearchAsync(AcademyFactory factory, MemberSearch search) =>
        WithAsync(factory, sp => sp.GetRequiredService<IMemberProfiles>().SearchAsync(search));
}

public sealed class ProfileSqliteTests(SqliteLedgerSite site) : ProfileScenarios, IClassFixture<SqliteLedgerSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class ProfilePostgresTests(PostgresFixture postgres, PostgresLedgerSite site) : ProfileScenarios, IClassFixture<PostgresLedgerSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
