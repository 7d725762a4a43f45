using Academy.Core.Contracts;
using Academy.Core.Navigation;
using Academy.Core.Security;
using Academy.Meldingen.Models;
using Academy.Meldingen.Services;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Meldingen.Controllers;

public sealed class QueuePageModel
{
    public required MeldingStatus Status { get; init; }
    public required IReadOnlyList<Melding> Meldingen { get; init; }
    public required IReadOnlyDictionary<MeldingStatus, int> Counts { get; init; }
    public required string CurrentUserId { get; init; }
}

public sealed class MeldingPageModel
{
    public required Melding Melding { get; init; }
    public required IReadOnlyList<MeldingStep> History { get; init; }
    public required IReadOnlyList<OrganisationInfo> Partners { get; init; }
    public required bool Mine { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// The gidsen's queue of meldingen (outside /admin: gidsen are not administrators): open, claimed and closed, and per
/// melding its details, history and the steps claim, note, refer and close.
/// </summary>
[RequirePermission(MeldingenPermissions.HandleMeldingen)]
[Route("gids/meldingen")]
public sealed class GuideQueueController(MeldingService meldingen, RegionChoices region) : Controller
{
    private const string NoticeKey = "melding-status";
    private const string ErrorKey = "melding-fout";
    public const int PageSize = 200;

    /// <summary>The status filter's words in the address.</summary>
    public static readonly IReadOnlyDictionary<MeldingStatus, string> Filters = new Dictionary<MeldingStatus, string>
    {
        [MeldingStatus.Open] = "open",
        [MeldingStatus.Claimed] = "opgepakt",
        [MeldingStatus.Closed] = "afgesloten",
    };

    [HttpGet("", Name = "Meldingen.Queue.Index")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var filter = Filters.FirstOrDefault(f => f.Value == status).Key;
        return View(new QueuePageModel
        {
            Status = filter,
            Meldingen = await meldingen.ListAsync(filter, PageSize, cancellationToken),
            Counts = await meldingen.CountsAsync(cancellationToken),
            CurrentUserId = Me.UserId,
        });
    }

    [HttpGet("{id:long}", Name = "Meldingen.Queue.Detail")]
    public async Task<IActionResult> Detail(long id, CancellationToken cancellationToken)
    {
        if (await meldingen.FindAsync(id, cancellationToken) is not { } melding)
        {
            return NotFound();
        }
        return View(new MeldingPageModel
        {
            Melding = melding,
            History = await meldingen.HistoryAsync(id, cancellationToken),
            Partners = await region.PartnersAsync(),
            Mine = melding.Status == MeldingStatus.Claimed && melding.ClaimedByUserId == Me.UserId,
            Notice = TempData[NoticeKey] as string,
            Error = TempData[ErrorKey] as string,
        });
    }

    [HttpPost("{id:long}/oppakken", Name = "Meldingen.Queue.Claim")]
    public async Task<IActionResult> Claim(long id, CancellationToken cancellationToken) =>
        Done(id, await meldingen.ClaimAsync(id, Me, cancellationToken), "Je hebt de melding opgepakt.");

    [HttpPost("{id:long}/notitie", Name = "Meldingen.Queue.Note")]
    public async Task<IActionResult> Note(long id, string? note, CancellationToken cancellationToken) =>
        Done(id, await meldingen.AddNoteAsync(id, Me, note, cancellationToken), "Je notitie is opgeslagen.");

    [HttpPost("{id:long}/doorverwijzen", Name = "Meldingen.Queue.Refer")]
    public async Task<IActionResult> Refer(long id, string? organisation, CancellationToken cancellationToken) =>
        Done(id, await meldingen.ReferAsync(id, Me, organisation, cancellationToken), "De doorverwijzing is opgeslagen.");

    [HttpPost("{id:long}/afsluiten", Name = "Meldingen.Queue.Close")]
    public async Task<IActionResult> Close(long id, CancellationToken cancellationToken) =>
        Done(id, await meldingen.CloseAsync(id, Me, cancellationToken), "De melding is afgesloten.");

    private CurrentUser Me => CurrentUser.From(User) ?? throw new InvalidOperationException("The queue needs a signed-in gids.");

    private IActionResult Done(long id, StepOutcome outcome, string notice)
    {
        if (outcome == StepOutcome.NotFound)
        {
            return NotFound();
        }
        if (outcome == StepOutcome.Done)
        {
            TempData[NoticeKey] = notice;
        }
        else
        {
            TempData[ErrorKey] = outcome switch
            {
                StepOutcome.TakenByOther => "Een andere gids heeft deze melding al opgepakt. Je hoeft niets te doen.",
                StepOutcome.NotYours => "Dit kan alleen de gids die de melding heeft opgepakt. Pak een open melding eerst op.",
                StepOutcome.Closed => "Deze melding is al afgesloten. Er kan niets meer bij.",
                StepOutcome.UnknownOrganisation => "Kies de organisatie waarnaar je doorverwijst.",
                _ => $"Schrijf een notitie van hoogstens {QuestionForm.MaxNoteLength} tekens.",
            };
        }
        return RedirectToRoute("Meldingen.Queue.Detail", new { id });
    }
}

/// <summary>The question form in the public navigation for everyone; the queue for gidsen only.</summary>
public sealed class MeldingenPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Stel je vraag", "Meldingen.Question.Index", 250),
        new("Meldingen Werkcentrum", "Meldingen.Queue.Index", 850) { Audience = MenuAudience.SignedIn, Permission = MeldingenPermissions.HandleMeldingen },
    ];
}
