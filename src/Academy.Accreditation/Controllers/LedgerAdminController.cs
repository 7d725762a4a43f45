using Academy.Accreditation.Services;
using System.Globalization;
using System.Security.Claims;
using Academy.Accreditation.Models;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Ledger;
using Academy.Accreditation.ViewModels;
using Academy.Core.Data;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// The leer-coördinator's view of one person's hours: entries per register with totals, reversing an entry (with a
/// reason) and adding hours by hand. Every change goes through <see cref="HoursLedger"/>, which only appends.
/// The person's name and e-mail address are corrected (or erased) on the person row the entries point to.
/// </summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/leeruren")]
public sealed class LedgerAdminController(
    AcademyDbContext db, HoursLedger ledger, LedgerPeople people, LedgerPersonCorrections corrections, RegisterDirectory registerDirectory) : Controller
{
    internal const string NoticeKey = "LedgerAdmin.Notice";
    private static readonly string[] DateFormats = ["d-M-yyyy", "yyyy-MM-dd"];

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Back to the ledger page, of one person when <paramref name="email"/> is given.</summary>
    private RedirectToRouteResult RedirectToPerson(string? email) => RedirectToRoute("Accreditation.LedgerAdmin.Index", new { email });

    [HttpGet("", Name = "Accreditation.LedgerAdmin.Index")]
    public async Task<IActionResult> Index(string? email, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return View(await ModelAsync(email, new ManualEntryInput { Email = email }, [], cancellationToken));
    }

    [HttpPost("handmatig", Name = "Accreditation.LedgerAdmin.Manual")]
    public async Task<IActionResult> Manual(ManualEntryInput input, CancellationToken cancellationToken)
    {
        var email = input.Email?.Trim() ?? "";
        if (!IsEmail(email))
        {
            return await InvalidAsync(email, input, ("email", "Zoek eerst de persoon op met een geldig e-mailadres."), cancellationToken);
        }
        var (person, _) = await people.FindAsync(email, cancellationToken);
        person ??= new LedgerPerson(null, email, input.Name ?? "");
        var date = DateOnly.TryParseExact(input.Date?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var result = await ledger.AddManualAsync(person, input.RegisterId, HoursText.Parse(input.Hours), date, input.Title, input.Reason, ActorId, cancellationToken);
        if (!result.Succeeded)
        {
            return await InvalidAsync(email, input, (result.Field, result.Error!), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData[NoticeKey] = $"De regel is toegevoegd: {HoursText.Number(result.Value!.Hours)} voor {result.Value.OfferingTitle}.";
        return RedirectToPerson(person.Email);
    }

    [HttpGet("regel/{id:long}", Name = "Accreditation.LedgerAdmin.Entry")]
    public async Task<IActionResult> Entry(long id, CancellationToken cancellationToken) =>
        await EntryModelAsync(id, null, [], cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("regel/{id:long}/terugdraaien", Name = "Accreditation.LedgerAdmin.Reverse")]
    public async Task<IActionResult> Reverse(long id, string? reason, CancellationToken cancellationToken)
    {
        if (await EntryModelAsync(id, reason, [], cancellationToken) is not { } model)
        {
            return NotFound();
        }
        var result = await ledger.ReverseAsync(id, reason, ActorId, cancellationToken);
        if (result.Succeeded)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData[NoticeKey] = $"De regel '{model.Row.Entry.OfferingTitle}' is teruggedraaid.";
                return RedirectToPerson(model.Person?.Email);
            }
            catch (DbUpdateException)
            {
                // Someone else reversed it at the same moment (the unique reversal key refused the second).
                db.ChangeTracker.Clear();
                result = LedgerResult<LedgerEntryRecord>.Fail("Deze regel is al teruggedraaid.");
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Entry), await EntryModelAsync(id, reason, [(result.Field, result.Error!)], cancellationToken));
    }

    [HttpPost("persoon/{personId}/corrigeren", Name = "Accreditation.LedgerAdmin.Correct")]
    public async Task<IActionResult> Correct(string personId, PersonCorrectionInput input, CancellationToken cancellationToken)
    {
        if (await people.ByIdAsync(personId, cancellationToken) is null)
        {
            return NotFound();
        }
        var result = await corrections.CorrectAsync(personId, input.Name, input.Email, cancellationToken);
        var back = LedgerPersonCorrections.IsEmail(input.Back?.Trim()) ? input.Back!.Trim() : null;
        if (!result.Succeeded)
        {
            var correction = new PersonCorrectionInput { PersonId = personId, Name = input.Name, Email = input.Email, Back = back };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ModelAsync(back, new ManualEntryInput { Email = back }, [(CorrectionField(result.Field, personId), result.Error!)], cancellationToken, correction));
        }
        await db.SaveChangesAsync(cancellationToken);
        var person = result.Value!;
        TempData[NoticeKey] = $"De gegevens zijn gecorrigeerd: {person.Name}, {person.Email}.";
        // Someone without an account is found by the corrected address; an account by the address that was searched.
        return RedirectToPerson(person.UserId is null ? person.Email : back ?? person.Email);
    }

    [HttpPost("persoon/{personId}/anonimiseren", Name = "Accreditation.LedgerAdmin.Anonymise")]
    public async Task<IActionResult> Anonymise(string personId, CancellationToken cancellationToken)
    {
        // People with an account are anonymised when their account is deleted, not from here.
        if (await people.ByIdAsync(personId, cancellationToken) is not { UserId: null, IsAnonymised: false })
        {
            return NotFound();
        }
        await corrections.AnonymisePersonAsync(personId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData[NoticeKey] = "De naam en het e-mailadres zijn gewist. De uren en certificaten blijven bestaan, zonder naam.";
        return RedirectToPerson(null);
    }

    private async Task<IActionResult> InvalidAsync(string email, ManualEntryInput input, (string? Field, string Message) error, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await ModelAsync(email, input, [error], cancellationToken));
    }

    private async Task<LedgerAdminViewModel> ModelAsync(string? email, ManualEntryInput manual, IReadOnlyList<(string?, string)> errors,
        CancellationToken cancellationToken, PersonCorrectionInput? correction = null)
    {
        var registers = await registerDirectory.RecordsAsync(cancellationToken);
        email = email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return new LedgerAdminViewModel { Registers = registers, Errors = errors, Notice = TempData[NoticeKey] as string };
        }
        if (!IsEmail(email))
        {
            return new LedgerAdminViewModel { Email = email, SearchError = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", Registers = registers, Errors = errors };
        }
        var (person, hasAccount) = await people.FindAsync(email, cancellationToken);
        var entries = person is null ? [] : await ledger.ListAsync(person, cancellationToken);
        var rows = person is null ? [] : await people.RowsOf(person).OrderBy(p => p.UserId == null).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        var byId = registers.ToDictionary(r => r.Id);
        return new LedgerAdminViewModel
        {
            Email = email,
            Person = person,
            HasAccount = hasAccount,
            Registers = registers,
            Entries = entries.Select(e => new LedgerEntryRow(e, byId.GetValueOrDefault(e.RegisterId), reversed.Contains(e.Id))).ToList(),
            Totals = HoursLedger.Totals(entries),
            Manual = manual,
            People = rows,
            Correction = correction,
            Errors = errors,
            Notice = TempData[NoticeKey] as string,
        };
    }

    private async Task<LedgerEntryViewModel?> EntryModelAsync(long id, string? reason, IReadOnlyList<(string?, string)> errors, CancellationToken cancellationToken)
    {
        var entries = db.Set<LedgerEntryRecord>().AsNoTracking();
        if (await entries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } entry)
        {
            return null;
        }
        var reversal = await entries.FirstOrDefaultAsync(e => e.ReversesEntryId == id, cancellationToken);
        var reverses = entry.ReversesEntryId is { } originalId ? await entries.FirstOrDefaultAsync(e => e.Id == originalId, cancellationToken) : null;
        var register = await db.Set<RegisterRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == entry.RegisterId, cancellationToken);
        return new LedgerEntryViewModel
        {
            Row = new LedgerEntryRow(entry, register, reversal is not null),
            Person = await people.ByIdAsync(entry.PersonId, cancellationToken),
            Reversal = reversal,
            Reverses = reverses,
            Reason = reason,
            Errors = errors,
        };
    }

    private static bool IsEmail(string? email) => LedgerPersonCorrections.IsEmail(email);

    /// <summary>The id of a correction form's field: one form per person row on the page.</summary>
    public static string? CorrectionField(string? field, string personId) => field is null ? null : $"{field}-{personId}";
}
