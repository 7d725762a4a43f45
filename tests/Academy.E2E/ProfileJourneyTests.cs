using System.IO.Compression;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// A professional fills in "Mijn profiel" with a photo and downloads "Mijn gegevens"; axe-core (WCAG 2.2 AA) on the
/// profile, my-data and privacy pages at 1280 and 375 px wide.
/// </summary>
[Collection("site")]
public sealed class ProfileJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Email = "profiel-e2e@example.nl";
    private const string Password = "E2e-MijnProfiel!2026";

    [Fact]
    public async Task A_professional_edits_the_profile_uploads_a_photo_and_downloads_their_data()
    {
        await Site.Site.RunRecipeAsync("e2e-profile", $$"""
            {
              "name": "e2e-profile",
              "displayName": "E2E: professional voor mijn profiel",
              "description": "Een professional voor de profieltest.",
              "issetuprecipe": false,
              "steps": [
                { "name": "Users", "Users": [ { "UserName": "{{Email}}", "Email": "{{Email}}", "DisplayName": "Pim Profiel", "Roles": [ "Professional" ], "Password": "{{Password}}" } ] }
              ]
            }
            """);
        var page = await NewSignedInPageAsync(Email, Password);

        await CheckPageAsync(page, "/mijn-profiel", "/mijn-profiel without photo");
        await Expect(page.Locator("#profiel-initialen")).ToHaveTextAsync("PP");

        await page.GetByLabel("Functie").FillAsync("Werkcoach");
        await page.GetByLabel("Over jezelf").FillAsync("Ik begeleid mensen naar werk in de regio.");
        await page.GetByLabel("Collega's in de community mogen mijn profiel zien").CheckAsync();
        await page.GetByLabel("Nieuwe foto (niet verplicht)").SetInputFilesAsync(new FilePayload
        {
            Name = "pasfoto.png", MimeType = "image/png", Buffer = Png(640, 480),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("Je profiel is opgeslagen.");
        await Expect(page.Locator("#profielfoto")).ToBeVisibleAsync();
        // Visible is not loaded: wait for the image itself (a busy machine serves it after the page), then check its size.
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('#profielfoto'); return img && img.complete && img.naturalWidth > 0; }");
        Assert.True(await page.Locator("#profielfoto").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 320"));
        await Expect(page.GetByLabel("Functie")).ToHaveValueAsync("Werkcoach");
        await Axe.AssertNoViolationsAsync(page, "/mijn-profiel with photo");

        // A bad upload: the message, the form kept.
        await page.GetByLabel("Functie").FillAsync("Werkcoach en trainer");
        await page.GetByLabel("Nieuwe foto (niet verplicht)").SetInputFilesAsync(new FilePayload
        {
            Name = "notities.txt", MimeType = "text/plain", Buffer = "geen foto"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync();
        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("Dit bestand is geen foto.");
        await Expect(page.GetByLabel("Functie")).ToHaveValueAsync("Werkcoach en trainer");
        await Axe.AssertNoViolationsAsync(page, "/mijn-profiel with an upload error");

        await page.SetViewportSizeAsync(375, 800);
        await CheckPageAsync(page, "/mijn-profiel", "/mijn-profiel at 375 px");
        await CheckPageAsync(page, "/mijn-gegevens", "/mijn-gegevens at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
        await CheckPageAsync(page, "/mijn-gegevens", "/mijn-gegevens");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download mijn gegevens (zip)" }).ClickAsync());
        Assert.Equal("mijn-gegevens.zip", download.SuggestedFilename);
        var path = await download.PathAsync();
        using (var zip = ZipFile.OpenRead(path))
        {
            using var reader = new StreamReader(zip.GetEntry("mijn-gegevens.json")!.Open());
            var json = await reader.ReadToEndAsync();
            Assert.Contains("Werkcoach", json);
            Assert.Contains(Email, json);
            Assert.NotNull(zip.GetEntry("profielfoto.webp"));
        }

        // The privacy statement, for anyone, linked from the footer.
        var visitor = await NewPageAsync();
        await CheckPageAsync(visitor, "/", "home");
        await visitor.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Privacyverklaring");
        await Axe.AssertNoViolationsAsync(visitor, "/privacy");
        // At 375 px signed in: the anonymous menu's links are the theme's to enlarge (target size), not this page's.
        await page.SetViewportSizeAsync(375, 800);
        await CheckPageAsync(page, "/privacy", "/privacy at 375 px");
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 110, 60));
        var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
