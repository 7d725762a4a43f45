using Academy.Accreditation.Services;
using System.Globalization;
using System.Net.Mail;
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
/// </summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/leeruren")]
public sealed class LedgerAdminController(AcademyDbContext db, HoursLedger ledger, LedgerPeople people, RegisterDirectory registerDirectory) : Controller
{
    internal const string NoticeKey = "LedgerAdmin.Notice";
    private static readonly string[] DateFormats = ["d-M-yyyy", "yyyy-MM-dd"];

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string PersonUrl(string email) => $"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(email)}";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? email, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return View(await ModelAsync(email, new ManualEntryInput { Email = email }, [], cancellationToken));
    }

    [HttpPost("handmatig")]
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
        return Redirect(PersonUrl(person.Email));
    }

    [HttpGet("regel/{id:long}")]
    public async Task<IActionResult> Entry(long id, CancellationToken cancellationToken) =>
        await EntryModelAsync(id, null, [], cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("regel/{id:long}/terugdraaien")]
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
                return Redirect(PersonUrl(model.Row.Entry.ParticipantEmail));
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

    private async Task<IActionResult> InvalidAsync(string email, ManualEntryInput input, (string? Field, string Message) error, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await ModelAsync(email, input, [error], cancellationToken));
    }

    private async Task<LedgerAdminViewModel> ModelAsync(string? email, ManualEntryInput manual, IReadOnlyList<(string?, string)> errors, CancellationToken cancellationToken)
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
            Reversal = reversal,
            Reverses = reverses,
            Reason = reason,
            Errors = errors,
        };
    }

    private static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 256 && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);
}
