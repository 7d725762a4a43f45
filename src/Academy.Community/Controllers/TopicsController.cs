using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

/// <summary>Starting a topic, reading it, replying (with quoting), editing, "nuttig", answers, pinning and closing.</summary>
/// <remarks>
/// The services that change topics come in through the actions that use them ([FromServices]): the topic page, read
/// thousands of times per second on a busy site, then builds only what it reads.
/// </remarks>
[Route("community/{group}")]
public sealed class TopicsController(CommunityAccess access, TopicReads reads) : CommunityControllerBase(access)
{
    public const string ClosedMessage = "Dit onderwerp is gesloten. Je kunt er niet meer op reageren.";
    public const string HeldNotice = "Je bericht is opgeslagen en wacht op goedkeuring: in deze groep keurt een beheerder het eerste bericht van een nieuw lid eerst goed. Anderen zien het pas daarna.";
    public const string HeldMessage = "Op dit onderwerp kun je nog niet reageren: het wacht op goedkeuring of is verborgen door een moderator.";

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpGet("nieuw", Name = "Community.Topics.New")]
    public async Task<IActionResult> New(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        return context is null ? denied! : !context.Rights.Posts ? Forbid()
            : View(new TopicFormModel(context, new PostForm { Access = context.Group.Access, IsCasus = context.Group.GuardsPrivacy }, null, 0));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("nieuw")]
    public async Task<IActionResult> New(string group, PostForm form, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null || !context.Rights.Posts)
        {
            return context is null ? denied! : Forbid();
        }
        var result = await topics.StartAsync(context.Group, context.Author, form, cancellationToken);
        if (result.Saved)
        {
            return Done(result.Held ? HeldNotice : "Je onderwerp staat in de groep.", CommunityRouteNames.Topic, new { group, topicId = result.Id });
        }
        return Refused(result, View(new TopicFormModel(context, form, result.Check, 0)));
    }

    [HttpGet("{topicId:long}", Name = CommunityRouteNames.Topic)]
    public async Task<IActionResult> Show(string group, long topicId, long? citeer, int pagina = 1, CancellationToken cancellationToken = default)
    {
        await reads.OpenConnectionAsync(cancellationToken);
        var (context, topic, found, denied) = await GroupAndTopicAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        var page = await reads.PageAsync(context!, topic, pagina, cancellationToken, found!.Follows);
        var reply = new PostForm { Body = citeer is { } quoted ? page.Quote(quoted) : null };
        return View(page with { Reply = reply, Notice = Notice, Unread = found.Unread });
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/reageren", Name = "Community.Topics.Reply")]
    public async Task<IActionResult> Reply(string group, long topicId, PostForm form, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await PostableAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        var page = await reads.PageAsync(context!, topic, int.MaxValue, cancellationToken);
        if (topic.IsClosed || topic.Hold is not null)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
            return View("Show", page with { Reply = form, ReplyError = topic.IsClosed ? ClosedMessage : HeldMessage });
        }
        var result = await topics.ReplyAsync(context!.Group, topic, context.Author, form, cancellationToken);
        if (result.Saved)
        {
            TempData[NoticeKey] = result.Held ? HeldNotice : "Je reactie is geplaatst.";
            // To the last page, where the new reply is.
            return RedirectToRoute(CommunityRouteNames.Topic, new { group, topicId, pagina = PageValue(await reads.PageOfAsync(topic, result.Id!.Value, cancellationToken)) }, $"bericht-{result.Id}");
        }
        return Refused(result, View("Show", page with { Reply = form, ReplyCheck = result.Check, ReplyError = result.Check.Errors.Any || result.Check.Warnings.Count > 0 ? null : ClosedMessage }));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpGet("{topicId:long}/bewerken", Name = "Community.Topics.Edit")]
    public async Task<IActionResult> Edit(string group, long topicId, long bericht, CancellationToken cancellationToken)
    {
        var (context, topic, post, denied) = await EditableAsync(group, topicId, bericht, cancellationToken);
        return denied ?? View("New", new TopicFormModel(context!, new PostForm { Title = bericht == 0 ? topic!.Title : null, Body = post!.Body }, null, bericht, topic));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/bewerken")]
    public async Task<IActionResult> Edit(string group, long topicId, long bericht, PostForm form, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, topic, _, denied) = await EditableAsync(group, topicId, bericht, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var result = await topics.EditAsync(context!.Group, topic!, bericht, context.Viewer.UserId!, form, cancellationToken);
        return result.Saved
            ? Done("Je wijziging is opgeslagen. De vorige tekst staat in de geschiedenis.", CommunityRouteNames.Topic, new { group, topicId })
            : View("New", new TopicFormModel(context, form, result.Check, bericht, topic));
    }

    [HttpGet("{topicId:long}/geschiedenis", Name = "Community.Topics.History")]
    public async Task<IActionResult> History(string group, long topicId, long bericht, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await ReadableAsync(group, topicId, cancellationToken);
        var post = topic is null ? null : await reads.PostAsync(topic, bericht, cancellationToken);
        if (post is null || !context!.Reads(post.Hold, post.AuthorUserId))
        {
            return denied ?? NotFound();
        }
        var showText = context!.Viewer.UserId == post.AuthorUserId || context.Rights.Manages;
        return View(await reads.HistoryAsync(context, topic!, post, showText, cancellationToken));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/nuttig", Name = "Community.Topics.Useful")]
    public async Task<IActionResult> Useful(string group, long topicId, long bericht, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await PostableAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        return await topics.ToggleUsefulAsync(topic, bericht, context!.Viewer.UserId!, cancellationToken)
            ? RedirectToRoute(CommunityRouteNames.Topic, new { group, topicId, pagina = PageValue(await reads.PageOfAsync(topic, bericht, cancellationToken)) }, $"bericht-{bericht}")
            : NotFound();
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/antwoord", Name = "Community.Topics.Accept")]
    public async Task<IActionResult> Accept(string group, long topicId, long bericht, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await PostableAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        if (!MayEdit(context!, topic.AuthorUserId))
        {
            return Forbid();
        }
        return await topics.AcceptAsync(topic, bericht, cancellationToken)
            ? Done(bericht == 0 ? "Er is geen reactie meer gemarkeerd als antwoord." : "De reactie is gemarkeerd als antwoord op de vraag.", CommunityRouteNames.Topic, new { group, topicId })
            : NotFound();
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/status", Name = "Community.Topics.State")]
    public async Task<IActionResult> State(string group, long topicId, string? actie, [FromServices] TopicService topics, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await PostableAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        if (!context!.Rights.Manages)
        {
            return Forbid();
        }
        (bool? pinned, bool? closed, string notice) = actie switch
        {
            "vastzetten" => ((bool?)true, (bool?)null, "Het onderwerp staat nu bovenaan."),
            "losmaken" => (false, null, "Het onderwerp staat niet meer bovenaan."),
            "sluiten" => (null, true, "Het onderwerp is gesloten: er kan niet meer op worden gereageerd."),
            "openen" => (null, false, "Het onderwerp is weer open voor reacties."),
            _ => ((bool?)null, (bool?)null, ""),
        };
        if (notice.Length == 0)
        {
            return BadRequest();
        }
        await topics.SetStateAsync(topic, pinned, closed, cancellationToken);
        return Done(notice, CommunityRouteNames.Topic, new { group, topicId });
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{topicId:long}/volgen", Name = "Community.Topics.Follow")]
    public async Task<IActionResult> Follow(string group, long topicId, [FromServices] GroupService groups, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await ReadableAsync(group, topicId, cancellationToken);
        if (topic is null)
        {
            return denied!;
        }
        var follows = await groups.ToggleFollowAsync(context!.Viewer.UserId!, FollowTarget.Topic, topic.Id, cancellationToken);
        return Done(follows ? "Je volgt dit onderwerp." : "Je volgt dit onderwerp niet meer.", CommunityRouteNames.Topic, new { group, topicId });
    }

    /// <summary>The form again with why it was not saved; over the posting limit with 429, the text still in the form.</summary>
    private IActionResult Refused(PostResult result, IActionResult form)
    {
        if (result.Limited)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status429TooManyRequests;
        }
        return form;
    }

    /// <summary>The topic when the viewer may read it; else why not (404, or a login for a visitor).</summary>
    private async Task<(GroupContext?, Topic?, IActionResult?)> ReadableAsync(string group, long topicId, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        var topic = context is null ? null : await TopicAsync(context, topicId, cancellationToken);
        return topic is null ? (context, null, denied ?? NotFound()) : (context, topic, null);
    }

    /// <summary>The topic when the viewer may read it and post in its group (members and moderators); else 404 or 403.</summary>
    private async Task<(GroupContext?, Topic?, IActionResult?)> PostableAsync(string group, long topicId, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await ReadableAsync(group, topicId, cancellationToken);
        return topic is null ? (context, null, denied) : context!.Rights.Posts ? (context, topic, null) : (context, null, Forbid());
    }

    /// <summary>A post the viewer may edit (the author, group managers, moderators); else 404 or 403.</summary>
    private async Task<(GroupContext?, Topic?, PostView?, IActionResult?)> EditableAsync(string group, long topicId, long replyId, CancellationToken cancellationToken)
    {
        var (context, topic, denied) = await PostableAsync(group, topicId, cancellationToken);
        var post = topic is null ? null : await reads.PostAsync(topic, replyId, cancellationToken);
        if (post is null)
        {
            return (context, null, null, denied ?? NotFound());
        }
        return MayEdit(context!, post.AuthorUserId) ? (context, topic, post, null) : (context, null, null, Forbid());
    }

    /// <summary>The page as a route value: none for the first page, so its address stays the topic's own.</summary>
    private static int? PageValue(int page) => page > 1 ? page : null;

    private static bool MayEdit(GroupContext context, string authorUserId) =>
        context.Viewer.UserId == authorUserId || context.Rights.Manages;
}
