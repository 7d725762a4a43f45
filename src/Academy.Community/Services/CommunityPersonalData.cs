using System.Text.Json.Nodes;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// The community's part of "mijn gegevens" and of erasing an account: memberships, follows and reactions are deleted;
/// posts stay for the discussion's sake but lose their author (shown as "Oud-lid"). The person's reports are deleted; the
/// moderation decisions they took stay in the audit trail without their id.
/// </summary>
public sealed class CommunityPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public const string ErasedAuthor = "verwijderd";

    public string Name => "community";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.UserId;
        var memberships = await db.Set<GroupMembership>().AsNoTracking().Where(m => m.UserId == id)
            .Join(db.Set<CommunityGroup>(), m => m.GroupId, g => g.Id, (m, g) => new { Groep = g.Name, Status = m.Status.ToString(), Beheerder = m.IsManager, Sinds = m.CreatedUtc })
            .ToListAsync(cancellationToken);
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => t.AuthorUserId == id)
            .Select(t => new { Titel = t.Title, Tekst = t.Body, Geplaatst = t.CreatedUtc }).ToListAsync(cancellationToken);
        var replies = await db.Set<Reply>().AsNoTracking().Where(r => r.AuthorUserId == id)
            .Select(r => new { Onderwerp = r.TopicId, Tekst = r.Body, Geplaatst = r.CreatedUtc }).ToListAsync(cancellationToken);
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == id).CountAsync(cancellationToken);
        var reports = await db.Set<PostReport>().AsNoTracking().Where(r => r.ReporterUserId == id)
            .Select(r => new { Onderwerp = r.TopicId, Reactie = r.ReplyId, Reden = r.Reason.ToString(), Toelichting = r.Explanation, Gemeld = r.CreatedUtc, Afgehandeld = r.ResolvedUtc })
            .ToListAsync(cancellationToken);
        var decisions = await db.Set<ModerationEntry>().AsNoTracking().Where(e => e.ActorUserId == id)
            .Select(e => new { Onderwerp = e.TopicId, Reactie = e.ReplyId, Besluit = e.Action.ToString(), Reden = e.Reason, Op = e.CreatedUtc })
            .ToListAsync(cancellationToken);
        var kennisbank = await KennisbankPersonalData.ExportAsync(db, id, cancellationToken);
        if (memberships.Count == 0 && topics.Count == 0 && replies.Count == 0 && follows == 0 && reports.Count == 0 && decisions.Count == 0
            && kennisbank is null)
        {
            return null;
        }
        var data = new JsonObject
        {
            ["groepen"] = JsonSerializerNode(memberships),
            ["onderwerpen"] = JsonSerializerNode(topics),
            ["reacties"] = JsonSerializerNode(replies),
            ["gevolgd"] = follows,
            ["meldingen"] = JsonSerializerNode(reports),
            ["moderatiebesluiten"] = JsonSerializerNode(decisions),
            ["kennisbank"] = kennisbank,
        };
        return new PersonalDataSection(Name, data);
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.UserId;
        await db.Set<GroupMembership>().Where(m => m.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Follow>().Where(f => f.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UsefulReaction>().Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Topic>().Where(t => t.AuthorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.AuthorUserId, ErasedAuthor), cancellationToken);
        await db.Set<Reply>().Where(r => r.AuthorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorUserId, ErasedAuthor), cancellationToken);
        await db.Set<PostRevision>().Where(r => r.EditorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.EditorUserId, ErasedAuthor), cancellationToken);
        await db.Set<PostReport>().Where(r => r.ReporterUserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ModerationEntry>().Where(e => e.ActorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorUserId, ErasedAuthor), cancellationToken);
        await KennisbankPersonalData.EraseAsync(db, id, ErasedAuthor, cancellationToken);
    }

    private static JsonNode? JsonSerializerNode<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value);
}
