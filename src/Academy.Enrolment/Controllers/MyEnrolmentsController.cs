using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Settings;
using Academy.Core.Text;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Academy.Enrolment.Queries;
using Academy.Users.Abstractions;

namespace Academy.Enrolment.Controllers;

/// <summary>
/// "Mijn aanmeldingen": a signed-in person's enrolments, their calendar files and self-cancellation.
/// Every id in a URL is looked up among the person's own enrolments; anything else is a 404.
/// </summary>
[Authorize]
[Route("mijn-aanmeldingen")]
public sealed class MyEnrolmentsController(
    MyEnrolmentsQuery enrolments,
    IEnrolmentService service,
    IEditionCatalog catalog,
    DocumentStore documents,
    TimeProvider clock,
    IEnumerable<IEnrolmentLinks> linkProviders,
    IStringLocalizer<MyEnrolmentsController> T) : Controller
{
    private const string NoticeKey = "MyEnrolments.Notice";

    [HttpGet("", Name = "Enrolment.MyEnrolments.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me)
        {
            return Challenge();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var items = (await enrolments.ListAsync(me, cancellationToken)).Select(e => MyEnrolmentItem.For(e, now)).ToList();
        Response.Headers.CacheControl = "no-store";
        return View(new MyEnrolmentsViewModel
        {
            Upcoming = items.Where(i => i.Enrolment.IsUpcoming(now)).OrderBy(i => i.Enrolment.SortDate).ToList(),
            Past = items.Where(i => !i.Enrolment.IsUpcoming(now)).OrderByDescending(i => i.Enrolment.SortDate ?? i.Enrolment.Record.CreatedUtc).ToList(),
            Notice = TempData[NoticeKey] as string,
            Links = await LinksAsync(me.UserId, items.Select(i => i.Enrolment.Record.EditionId).Distinct().ToList(), cancellationToken),
        });
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<EnrolmentLink>>> LinksAsync(string userId, IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, List<EnrolmentLink>>(StringComparer.Ordinal);
        foreach (var provider in linkProviders)
        {
            foreach (var (editionId, list) in await provider.GetAsync(userId, editionIds, cancellationToken))
            {
                (links.TryGetValue(editionId, out var existing) ? existing : links[editionId] = []).AddRange(list);
            }
        }
        return links.ToDictionary(l => l.Key, l => (IReadOnlyList<EnrolmentLink>)l.Value, StringComparer.Ordinal);
    }

    [HttpGet("{id:long}/annuleren", Name = "Enrolment.MyEnrolments.Cancel")]
    public async Task<IActionResult> Cancel(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        return View(await CancelModelAsync(item, null));
    }

    [HttpPost("{id:long}/annuleren")]
    public async Task<IActionResult> CancelConfirmed(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        if (item.Cancellation != SelfCancellation.Allowed)
        {
            return View(nameof(Cancel), await CancelModelAsync(item, null));
        }
        var result = await service.CancelAsync(id, CurrentUser.From(User)!.UserId, byCoordinator: false, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Cancel), await CancelModelAsync(item, result.Error));
        }
        TempData[NoticeKey] = T["Je aanmelding voor {0} is geannuleerd.", Title(item)].Value;
        return RedirectToRoute("Enrolment.MyEnrolments.Index");
    }

    [HttpGet("{id:long}.ics", Name = "Enrolment.MyEnrolments.Calendar")]
    public async Task<IActionResult> Calendar(long id, CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me || await enrolments.FindAsync(me, id, cancellationToken) is not { } enrolment)
        {
            return NotFound();
        }
        var ics = await catalog.IcsAsync(enrolment.Record.EditionId, cancellationToken);
        if (ics is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(ics, "text/calendar; charset=utf-8", $"aanmelding-{id}.ics");
    }

    private async Task<MyEnrolmentItem?> FindAsync(long id, CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me || await enrolments.FindAsync(me, id, cancellationToken) is not { } enrolment)
        {
            return null;
        }
        return MyEnrolmentItem.For(enrolment, clock.GetUtcNow().UtcDateTime);
    }

    private async Task<CancelEnrolmentViewModel> CancelModelAsync(MyEnrolmentItem item, string? error) => new()
    {
        Item = item,
        ContactEmail = (await documents.GetSiteSettingsAsync()).ContactEmail,
        Error = error,
    };

    private string Title(MyEnrolmentItem item) => item.Enrolment.Edition?.OfferingTitle ?? T["het aanbod"].Value;
}
