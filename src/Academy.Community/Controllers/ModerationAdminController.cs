using Academy.Community.Abstractions;
using Academy.Community.Services;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

/// <summary>The moderators' queue in /admin: reported and held posts of every group. Decisions go to the group's moderation routes.</summary>
[RequirePermission(CommunityPermissionNames.ModerateCommunity)]
[Route("admin/community/moderatie")]
public sealed class ModerationAdminController(CommunityAccess access, ModerationReads reads) : CommunityControllerBase(access)
{
    public const string RouteName = "Community.Moderation.Admin";

    [HttpGet("", Name = RouteName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reads.QueueAsync(null, cancellationToken) with { Notice = Notice });
}
