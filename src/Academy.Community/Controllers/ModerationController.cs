using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

/// <summary>What a moderation form sends: the decision (<c>actie</c>), its reason, and where to go back to.</summary>
public sealed class DecisionForm
{
    public string? Actie { get; set; }
    public string? Reden { get; set; }
    public ModerationReturn? Terug { get; set; }
}

/// <summary>The decision form of one post, in the queues, on the post's moderation page and on the topic page.</summary>
public sealed record DecisionFormModel(string GroupSlug, long TopicId, PostView Post, string AuthorName, int OpenReports, ModerationReturn Return)
{
    public string? Reason { get; init; }
    public string? ReasonError { get; init; }
    public string FieldId => $"reden-{TopicId}-{Post.ReplyId}";
}

/// <summary>
/// A group's moderation, for its managers and for moderators: the queue of reported and held posts of the group, a post's
/// moderation page with its reports and audit trail, and the decisions. Managers are not staff, so this lives with the
/// group's manage page; moderators have every group's queue in /admin (<see cref="ModerationAdminController"/>).
/// </summary>
[RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
[Route("community/{group}/beheer/moderatie")]
public sealed class ModerationController(CommunityAccess access, ModerationService moderation, ModerationReads reads) : CommunityControllerBase(access)
{
    private static readonly Dictionary<string, ModerationAction> Actions = new(StringComparer.Ordinal)
    {
        ["verbergen"] = ModerationAction.Hidden,
        ["terugzetten"] = ModerationAction.Restored,
        ["meldingen-afwijzen"] = ModerationAction.Dismissed,
        ["goedkeuren"] = ModerationAction.Approved,
        ["afkeuren"] = ModerationAction.Rejected,
    };

    [HttpGet("", Name = "Community.Moderation.Group")]
    public async Task<IActionResult> Index(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        return context is null ? denied! : View(await reads.QueueAsync(context.Group, cancellationToken) with { Notice = Notice });
    }

    [HttpGet("{topicId:long}", Name = "Community.Moderation.Post")]
    public async Task<IActionResult> Post(string group, long topicId, long bericht, CancellationToken cancellationToken)
    {
        var (model, denied) = await PostModelAsync(group, topicId, bericht, cancellationToken);
        return denied ?? View(model! with { Notice = Notice });
    }

    [HttpPost("{topicId:long}", Name = "Community.Moderation.Decide")]
    public async Task<IActionResult> Decide(string group, long topicId, long bericht, DecisionForm form, CancellationToken cancellationToken)
    {
        var (model, denied) = await PostModelAsync(group, topicId, bericht, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (form.Actie is null || !Actions.TryGetValue(form.Actie, out var action))
        {
            return BadRequest();
        }
        if (ModerationService.ReasonError(action, form.Reden) is { } error)
        {
            return View("Post", model! with { Reason = form.Reden, ReasonError = error });
        }
        var context = model!.Context;
        var decided = await moderation.DecideAsync(context.Group, model.Topic, bericht, action, context.Viewer.UserId!, form.Reden, cancellationToken);
        if (!decided)
        {
            return Done("Dat kan niet meer: iemand anders heeft over dit bericht al besloten. Hieronder zie je wat er is gebeurd.",
                "Community.Moderation.Post", new { group, topicId, bericht });
        }
        var notice = CommunityText.Decided(action);
        return form.Terug switch
        {
            ModerationReturn.Admin when context.Viewer.Moderates => Done(notice, ModerationAdminController.RouteName, new { }),
            ModerationReturn.Group => Done(notice, "Community.Moderation.Group", new { group }),
            ModerationReturn.Topic => Done(notice, CommunityRouteNames.Topic, new { group, topicId }),
            _ => Done(notice, "Community.Moderation.Post", new { group, topicId, bericht }),
        };
    }

    /// <summary>The post's page when the viewer manages its group; a forged group, topic or reply is 404, another group 403.</summary>
    private async Task<(ModerationPostModel?, IActionResult?)> PostModelAsync(string group, long topicId, long replyId, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        if (context is null)
        {
            return (null, denied);
        }
        var topic = await TopicAsync(context, topicId, cancellationToken);
        var model = topic is null ? null : await reads.PostAsync(context, topic, replyId, cancellationToken);
        return model is null ? (null, NotFound()) : (model, null);
    }
}
