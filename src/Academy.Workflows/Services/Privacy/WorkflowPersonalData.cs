using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services.Privacy;

/// <summary>
/// Workflow instances whose input or variables name the person (the event that started them carried their id,
/// address or name). Exported as status and dates; erased with their journal and waiting points, finished or not:
/// a waiting instance about an erased person has nobody left to act for.
/// </summary>
public sealed class WorkflowPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public string Name => "workflows";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var ids = await MentionsAsync(subject, cancellationToken);
        var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        if (instances.Count == 0)
        {
            return null;
        }
        return new PersonalDataSection(Name, PersonalDataJson.ToNode(instances.Select(i => new
        {
            Soort = i.WorkflowTypeId, Status = i.Status.ToString(), Gestart = i.CreatedUtc, Bijgewerkt = i.UpdatedUtc,
        })));
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var ids = await MentionsAsync(subject, cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }
        await db.Set<WorkflowJournalRecord>().Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<WorkflowBlockingIndexRecord>().Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<WorkflowInstanceRecord>().Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<List<long>> MentionsAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var ids = new HashSet<long>();
        foreach (var needle in PersonalDataJson.Needles(subject))
        {
            ids.UnionWith(await db.Set<WorkflowInstanceRecord>()
                .Where(i => i.InputJson.ToLower().Contains(needle) || i.VariablesJson.ToLower().Contains(needle)
                    || (i.FaultMessage != null && i.FaultMessage.ToLower().Contains(needle)))
                .Select(i => i.Id).ToListAsync(cancellationToken));
        }
        return [.. ids];
    }
}
