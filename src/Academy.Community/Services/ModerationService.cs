using Academy.Community.Models;
using Academy.Core.Content.Display;
using Academy.Core.Data;
using Academy.Search.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>What a reader fills in to report a post.</summary>
public sealed class ReportForm
{
    public ReportReason? Reason { get; set; }
    public string? Explanation { get; set; }
}

public enum ReportOutcome
{
    Reported,
    /// <summary>This person has an open report of the post already; nothing was added.</summary>
    AlreadyReported,
}

/// <summary>
/// Reports and the decisions of group managers and moderators: hide, restore, dismiss the reports, approve or reject a
/// held post. Each decision moves the post's hold with a conditional update (so two moderators cannot both act on the
/// same state), closes the open reports where it settles them, keeps the topic's reply count to published replies, adds
/// a row to the audit trail and, on approval, raises the post's events; all in one transaction.
/// </summary>
public sealed class ModerationService(AcademyDbContext db, UnitOfWork unitOfWork, TopicService topics, ISearchIndexQueue search, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static FormErrors Validate(ReportForm form)
    {
        var errors = new FormErrors();
        var explanation = form.Explanation?.Trim() ?? "";
        if (form.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors.Add(nameof(ReportForm.Reason), "Kies waarom je dit bericht meldt.");
        }
        else if (reason == ReportReason.Other && explanation.Length == 0)
        {
            errors.Add(nameof(ReportForm.Explanation), "Schrijf kort wat er mis is met dit bericht.");
        }
        if (explanation.Length > ModerationModel.MaxExplanationLength)
        {
            errors.Add(nameof(ReportForm.Explanation), $"De toelichting is te lang: gebruik hoogstens {ModerationModel.MaxExplanationLength:N0} tekens.".Replace(',', '.'));
        }
        return errors;
    }

    /// <summary>A reason is needed to hide or reject a post: its author reads it.</summary>
    public static string? ReasonError(ModerationAction action, string? reason)
    {
        var length = reason?.Trim().Length ?? 0;
        if (length == 0 && action is ModerationAction.Hidden or ModerationAction.Rejected)
        {
            return "Geef een reden op. De schrijver van het bericht leest die.";
        }
        return length > ModerationModel.MaxReasonLength ? $"De reden is te lang: gebruik hoogstens {ModerationModel.MaxReasonLength} tekens." : null;
    }

    public Task<ReportOutcome> ReportAsync(CommunityGroup group, Topic topic, long replyId, string reporterUserId, ReportForm form, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await db.Set<PostReport>().AnyAsync(r => r.TopicId == topic.Id && r.ReplyId == replyId && r.ReporterUserId == reporterUserId && r.ResolvedUtc == null, cancellationToken))
            {
                return WorkOutcome<ReportOutcome>.Discard(ReportOutcome.AlreadyReported);
            }
            var explanation = form.Explanation?.Trim();
            db.Add(new PostReport
            {
                GroupId = group.Id, TopicId = topic.Id, ReplyId = replyId, ReporterUserId = reporterUserId, Reason = form.Reason!.Value,
                Explanation = string.IsNullOrEmpty(explanation) ? null : explanation, CreatedUtc = Now,
            });
            return WorkOutcome<ReportOutcome>.Keep(ReportOutcome.Reported);
        }, onConflict: _ => ReportOutcome.AlreadyReported, cancellationToken);

    /// <summary>
    /// Applies a decision to the opening post (<paramref name="replyId"/> 0) or a reply of <paramref name="topic"/>.
    /// False when the post's state does not allow it (already decided by someone else, or no open reports to dismiss).
    /// </summary>
    public Task<bool> DecideAsync(CommunityGroup group, Topic topic, long replyId, ModerationAction action, string actorUserId, string? reason, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var decided = action switch
            {
                ModerationAction.Hidden => await MoveAsync(topic.Id, replyId, null, ModerationHold.Hidden, cancellationToken),
                ModerationAction.Restored => await MoveAsync(topic.Id, replyId, ModerationHold.Hidden, null, cancellationToken),
                ModerationAction.Approved => await MoveAsync(topic.Id, replyId, ModerationHold.AwaitingApproval, null, cancellationToken)
                    || await MoveAsync(topic.Id, replyId, ModerationHold.Rejected, null, cancellationToken),
                ModerationAction.Rejected => await MoveAsync(topic.Id, replyId, ModerationHold.AwaitingApproval, ModerationHold.Rejected, cancellationToken),
                ModerationAction.Dismissed => await OpenReports(topic.Id, replyId).AnyAsync(cancellationToken),
                _ => false,
            };
            if (!decided)
            {
                return WorkOutcome<bool>.Discard(false);
            }
            if (action is ModerationAction.Hidden or ModerationAction.Dismissed)
            {
                await OpenReports(topic.Id, replyId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedUtc, Now), cancellationToken);
            }
            if (replyId != 0 && action is ModerationAction.Hidden or ModerationAction.Restored or ModerationAction.Approved)
            {
                await topics.CountReplyAsync(topic.Id, action == ModerationAction.Hidden ? -1 : +1, onlyWhenOpen: false, activity: action == ModerationAction.Approved, cancellationToken);
            }
            if (action == ModerationAction.Approved)
            {
                await PublishAsync(group, topic, replyId, cancellationToken);
            }
            var trimmed = reason?.Trim();
            db.Add(new ModerationEntry
            {
                GroupId = group.Id, TopicId = topic.Id, ReplyId = replyId, ActorUserId = actorUserId, Action = action,
                Reason = string.IsNullOrEmpty(trimmed) ? null : trimmed, CreatedUtc = Now,
            });
            return WorkOutcome<bool>.Keep(true);
        }, onConflict: null, cancellationToken);

    private IQueryable<PostReport> OpenReports(long topicId, long replyId) =>
        db.Set<PostReport>().Where(r => r.TopicId == topicId && r.ReplyId == replyId && r.ResolvedUtc == null);

    /// <summary>Moves the post's hold from one state to another; false when it was not in <paramref name="from"/>.</summary>
    private async Task<bool> MoveAsync(long topicId, long replyId, ModerationHold? from, ModerationHold? to, CancellationToken cancellationToken)
    {
        var changed = replyId == 0
            ? await db.Set<Topic>().Where(t => t.Id == topicId && t.Hold == from).ExecuteUpdateAsync(s => s.SetProperty(t => t.Hold, to), cancellationToken)
            : await db.Set<Reply>().Where(r => r.Id == replyId && r.TopicId == topicId && r.Hold == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.Hold, to), cancellationToken);
        if (changed > 0)
        {
            // A hidden post leaves the search index, a restored one returns (the source reads published posts only).
            search.TopicChanged(topicId);
        }
        return changed > 0;
    }

    /// <summary>An approved post is new to everyone else: its topic moves up and its events fire now, once.</summary>
    private async Task PublishAsync(CommunityGroup group, Topic topic, long replyId, CancellationToken cancellationToken)
    {
        var current = await db.Set<Topic>().AsNoTracking().FirstAsync(t => t.Id == topic.Id, cancellationToken);
        var reply = replyId == 0 ? null : await db.Set<Reply>().AsNoTracking().FirstAsync(r => r.Id == replyId, cancellationToken);
        if (reply is null)
        {
            await db.Set<Topic>().Where(t => t.Id == topic.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastActivityUtc, Now), cancellationToken);
        }
        await topics.AnnounceAsync(group, current, reply, cancellationToken);
    }
}
