using System.Security.Claims;
using Academy.Core.Data;
using Academy.Email.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Email.Controllers;

/// <summary>"Meldingen": the signed-in user's own notifications, and marking them all read.</summary>
[Authorize]
[Route("meldingen")]
public sealed class NotificationsController(AcademyDbContext db, TimeProvider clock, IStringLocalizer<NotificationsController> T) : Controller
{
    public const int ListSize = 100;
    private const string NoticeKey = "Notifications.Notice";

    [HttpGet("", Name = "Email.Notifications.Index")]
    public async Task<IActionResult> Index()
    {
        var userId = UserId();
        var notifications = await db.Set<NotificationRecord>().AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Take(ListSize)
            .ToListAsync();
        return View(new NotificationListViewModel(notifications, TempData[NoticeKey] as string));
    }

    [HttpPost("gelezen", Name = "Email.Notifications.MarkAllRead")]
    public async Task<IActionResult> MarkAllRead()
    {
        var userId = UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<NotificationRecord>()
            .Where(n => n.UserId == userId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now));
        TempData[NoticeKey] = T["Alle meldingen zijn als gelezen gemarkeerd."].Value;
        return RedirectToRoute("Email.Notifications.Index");
    }

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A signed-in user without an id.");
}

public sealed record NotificationListViewModel(IReadOnlyList<NotificationRecord> Notifications, string? Notice)
{
    public int Unread => Notifications.Count(n => n.ReadUtc is null);
}
