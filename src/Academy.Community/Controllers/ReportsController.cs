using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Content.Display;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

public sealed record ReportPageModel(GroupContext Context, Topic Topic, PostView Post, string AuthorName, ReportForm Form, FormErrors Errors);

/// <summary>Reporting a post: anyone signed in who can read it (not only professionals: a public topic has other readers too).</summary>
[Authorize]
[Route("community/{group}/{topicId:long}/melden")]
public sealed class ReportsController(CommunityAccess access, TopicReads reads, ModerationService moderation, Academy.Users.Abstractions.IMemberProfiles profiles) : CommunityControllerBase(access)
{
    [HttpGet("", Name = "Community.Reports.New")]
    public async Task<IActionResult> New(string group, long topicId, long bericht, CancellationToken cancellationToken)
    {
        var (model, denied) = await ReportableAsync(group, topicId, bericht, new ReportForm(), new FormErrors(), cancellationToken);
        return denied ?? View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> New(string group, long topicId, long bericht, ReportForm form, CancellationToken cancellationToken)
    {
        var errors = ModerationService.Validate(form);
        var (model, denied) = await ReportableAsync(group, topicId, bericht, form, errors, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (errors.Any)
        {
            return View(model);
        }
        var outcome = await moderation.ReportAsync(model!.Context.Group, model.Topic, bericht, model.Context.Viewer.UserId!, form, cancellationToken);
        return Done(outcome == ReportOutcome.Reported
                ? "Bedankt voor je melding. Een moderator bekijkt het bericht zo snel mogelijk."
                : "Je hebt dit bericht al gemeld. Een moderator bekijkt het zo snel mogelijk.",
            CommunityRouteNames.Topic, new { group, topicId });
    }

    /// <summary>A published post the viewer can read; else 404 (or a login for a visitor, from the group lookup).</summary>
    private async Task<(ReportPageModel?, IActionResult?)> ReportableAsync(string group, long topicId, long replyId, ReportForm form, FormErrors errors, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        var topic = context is null ? null : await TopicAsync(context, topicId, cancellationToken);
        var post = topic is null || topic.Hold is not null ? null : await reads.PostAsync(topic, replyId, cancellationToken);
        if (post is null || post.Hold is not null)
        {
            return (null, denied ?? NotFound());
        }
        var author = await profiles.GetAsync(post.AuthorUserId, cancellationToken);
        return (new ReportPageModel(context!, topic!, post, author?.DisplayName ?? "Oud-lid", form, errors), null);
    }
}
