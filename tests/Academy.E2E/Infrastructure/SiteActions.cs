using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

/// <summary>What a user does on the site, written the way a user does it: by visible label and role.</summary>
public static class SiteActions
{
    /// <summary>Fills and submits the login form of the current page (/account/inloggen).</summary>
    public static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    /// <summary>The Europe/Amsterdam time zone, in which the admin takes and the site shows session times.</summary>
    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly AmsterdamToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);

    /// <summary>An Amsterdam local date and time in UTC.</summary>
    public static DateTime AmsterdamToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Amsterdam);
}
