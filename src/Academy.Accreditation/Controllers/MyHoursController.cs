using Academy.Accreditation.Services.MyHours;
using Academy.Accreditation.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// "Mijn leeruren": the signed-in person's hours per register (totals per period, always summed from the ledger),
/// their entries with certificates, and the same overview as a PDF. Only the person's own entries are read.
/// </summary>
[Authorize]
[Route("mijn-leeruren")]
public sealed class MyHoursController(MyHoursQuery hours, TimeProvider clock, IStringLocalizer<MyHoursController> T) : Controller
{
    [HttpGet("", Name = "Accreditation.MyHours.Index")]
    public async Task<IActionResult> Index([FromQuery(Name = "jaar")] string? year, CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me)
        {
            return Challenge();
        }
        var overview = await hours.GetAsync(me, ParseYear(year), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return View(new MyHoursViewModel
        {
            Overview = overview,
            PdfUrl = Url.RouteUrl("Accreditation.MyHours.Pdf", overview.SelectedYear == overview.CurrentYear ? null : new { jaar = overview.SelectedYear })!,
        });
    }

    [HttpGet("overzicht.pdf", Name = "Accreditation.MyHours.Pdf")]
    public async Task<IActionResult> Pdf([FromQuery(Name = "jaar")] string? year, CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me)
        {
            return Challenge();
        }
        var overview = await hours.GetAsync(me, ParseYear(year), cancellationToken);
        var name = me.DisplayName;
        var bytes = MyHoursPdf.Build(overview, name, clock.GetUtcNow().UtcDateTime, (format, args) => T.GetString(format, args).Value);
        Response.Headers.CacheControl = "no-store";
        return File(bytes, "application/pdf", "overzicht-leeruren.pdf");
    }

    // A string, not an int, so "?jaar=abc" shows the current year instead of a binding error.
    private static int? ParseYear(string? year) => int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
}
