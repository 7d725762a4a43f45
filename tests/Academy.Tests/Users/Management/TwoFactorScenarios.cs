using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users.Controllers;
using OtpNet;

namespace Academy.Tests.Users.Management;

/// <summary>Two-step verification: required for staff before /admin, set up with the key, login with a code or a recovery code.</summary>
internal static class TwoFactorScenarios
{
    /// <summary>The current TOTP code for the key the set-up page shows (as an authenticator app computes it).</summary>
    public static string CodeFor(string readableKey) =>
        new Totp(Base32Encoding.ToBytes(readableKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>A code that is not the current one (nor the one before or after, which Identity also accepts).</summary>
    public static string WrongCodeFor(string readableKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(readableKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        var valid = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((123456 + i * 7919) % 1000000).ToString("D6")).First(c => !valid.Contains(c));
    }

    public static async Task Staff_set_up_two_step_verification_before_admin_and_log_in_with_codes(AcademyFactory factory)
    {
        var email = $"beheer2fa-{Guid.NewGuid():n}@example.nl";
        var staff = await AdminTestKit.UserWithEmailAsync(factory, "Beheerder", email);

        // Without two-step verification every /admin page sends the Beheerder to set it up first.
        var redirected = await staff.GetAsync("/admin/gebruikers?zoek=x");
        Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
        Assert.Equal("/account/tweestapsverificatie?verplicht=true&returnUrl=%2Fadmin%2Fgebruikers%3Fzoek%3Dx", redirected.Location);
        // Someone else (a Professional) is not asked to: the admin's own rule applies (403).
        var professional = await AdminTestKit.UserAsync(factory, "Professional");
        Assert.Contains("/account/geen-toegang", (await professional.GetAsync("/admin")).Location);

        var setup = await staff.GetAsync(redirected.Location!);
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("#qr-code")!.GetAttribute("src"));
        var key = setup.Document.QuerySelector("#sleutel")!.TextContent.Trim();

        var wrong = await staff.SubmitAsync(setup.Form("form[action='/account/tweestapsverificatie/inschakelen']").Set("code", WrongCodeFor(key)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("De code klopt niet", string.Join(" ", wrong.ErrorSummary));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/admin")).Status);

        var enabled = await staff.SubmitAsync(wrong.Form("form[action='/account/tweestapsverificatie/inschakelen']").Set("code", CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        var recoveryCodes = enabled.Document.QuerySelectorAll("#herstelcodes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal("/admin/gebruikers?zoek=x", enabled.Document.QuerySelector("#herstelcodes-titel ~ p a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/gebruikers?zoek=x")).Status);

        // Logging in now takes a second step: a wrong code is refused, a recovery code works once.
        var browser = AdminTestKit.Anonymous(factory);
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        var second = await browser.GetAsync("/account/inloggen/tweestaps");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).Status);
        var refused = await browser.SubmitAsync(second.Form("form[action='/account/inloggen/tweestaps']").Set("Code", WrongCodeFor(key)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TwoFactorLoginController.WrongCodeMessage, string.Join(" ", refused.ErrorSummary));

        var recovered = await browser.SubmitAsync(refused.Form("form[action='/account/inloggen/tweestaps/herstelcode']").Set("RecoveryCode", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.Redirect, recovered.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);

        var again = AdminTestKit.Anonymous(factory);
        await again.LoginAsync(email, AdminTestKit.UserPassword);
        var reuse = await again.SubmitAsync((await again.GetAsync("/account/inloggen/tweestaps")).Form("form[action='/account/inloggen/tweestaps/herstelcode']").Set("RecoveryCode", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.BadRequest, reuse.Status);
        var withCode = await again.SubmitAsync(reuse.Form("form[action='/account/inloggen/tweestaps']").Set("Code", CodeFor(key)));
        Assert.Equal(HttpStatusCode.Redirect, withCode.Status);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin")).Status);
    }
}
