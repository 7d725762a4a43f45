using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Academy.Workflows.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Workflows.Controllers;

/// <summary>
/// Admin of workflow types and their instances: list, create and edit the JSON (validated; nothing lost on
/// an error; a save over someone else's newer version is refused), switch on/off, follow instances and
/// their journal, and retry a failed instance.
/// </summary>
[RequirePermission(WorkflowPermissions.ManageWorkflows)]
[Route("admin/workflows")]
public sealed class WorkflowAdminController(
    AcademyDbContext db,
    WorkflowValidator validator,
    WorkflowTypeStore store,
    WorkflowManager manager,
    WorkflowDefinitionReader definitions,
    ActivityLibrary library,
    IStringLocalizer<WorkflowAdminController> T) : Controller
{
    public const int InstancePageSize = 100;
    private const string NoticeKey = "WorkflowAdmin.Notice";
    private const string ErrorKey = "WorkflowAdmin.Error";

    [HttpGet("", Name = "Workflows.WorkflowAdmin.Index")]
    public async Task<IActionResult> Index()
    {
        var types = await db.Set<WorkflowTypeRecord>().AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        var counts = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .GroupBy(i => new { i.WorkflowTypeId, i.Status }).Select(g => new { g.Key.WorkflowTypeId, g.Key.Status, Count = g.Count() }).ToListAsync();
        int Count(string id, WorkflowStatus status) => counts.FirstOrDefault(c => c.WorkflowTypeId == id && c.Status == status)?.Count ?? 0;
        return View(new WorkflowTypeListViewModel
        {
            Rows = types.Select(t => new WorkflowTypeRow(t.Id, t.Name, t.IsEnabled, validator.Validate(t.Json).Errors.Count,
                Count(t.Id, WorkflowStatus.Running), Count(t.Id, WorkflowStatus.Blocked), Count(t.Id, WorkflowStatus.Finished), Count(t.Id, WorkflowStatus.Faulted))).ToList(),
            Notice = TempData[NoticeKey] as string,
        });
    }

    [HttpGet("nieuw", Name = "Workflows.WorkflowAdmin.Create")]
    public IActionResult Create() => View("Edit", EditModel(null, NewTemplate, [], isNew: true));

    [HttpPost("nieuw")]
    public async Task<IActionResult> Create(string? json)
    {
        json ??= "";
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return View("Edit", EditModel(null, json, validation.Errors, isNew: true));
        }
        var definition = validation.Definition!;
        // Expected version 0 only creates: an existing type with this id is not overwritten.
        if (!await store.SaveAsync(definition, json, expectedVersion: 0))
        {
            return View("Edit", EditModel(null, json, [T["Er bestaat al een workflowtype met de id '{0}'.", definition.Id].Value], isNew: true));
        }
        TempData[NoticeKey] = T["Het workflowtype '{0}' is aangemaakt.", definition.Name].Value;
        return RedirectToRoute("Workflows.WorkflowAdmin.Edit", new { id = definition.Id });
    }

    [HttpGet("{id}", Name = "Workflows.WorkflowAdmin.Edit")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await store.FindAsync(id) is not { } record)
        {
            return NotFound();
        }
        var model = EditModel(record, record.Json, [], isNew: false, TempData[NoticeKey] as string);
        model.OlderVersionInstances = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .CountAsync(i => i.WorkflowTypeId == id && i.WorkflowTypeVersion < record.LatestVersion
                && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Blocked || i.Status == WorkflowStatus.Faulted));
        return View(model);
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, string? json, int version)
    {
        if (await store.FindAsync(id) is not { } record)
        {
            return NotFound();
        }
        json ??= "";
        var validation = validator.Validate(json);
        var errors = validation.Errors.ToList();
        if (validation.Definition is { } parsed && parsed.Id != id && errors.Count == 0)
        {
            errors.Add(T["De 'Id' kan niet worden gewijzigd (was '{0}'). Maak een nieuw workflowtype om een andere id te gebruiken.", id].Value);
        }
        var saved = errors.Count == 0 ? await store.SaveVersionAsync(validation.Definition!, json, version) : WorkflowTypeSave.Conflict;
        if (errors.Count == 0 && saved == WorkflowTypeSave.Conflict)
        {
            errors.Add(T["Iemand anders heeft dit workflowtype intussen gewijzigd. Je tekst staat hieronder nog; open de pagina opnieuw om de nieuwste versie te zien en breng je wijziging daarin aan."].Value);
        }
        if (errors.Count > 0)
        {
            return View(EditModel(record, json, errors, isNew: false, versionOverride: version));
        }
        TempData[NoticeKey] = saved == WorkflowTypeSave.NewVersion
            ? T["Het workflowtype is opgeslagen als versie {0}. Nieuwe instanties starten op deze versie; lopende instanties maken hun eigen versie af.", record.LatestVersion].Value
            : T["Het workflowtype is opgeslagen."].Value;
        return RedirectToRoute("Workflows.WorkflowAdmin.Edit", new { id });
    }

    [HttpPost("{id}/status", Name = "Workflows.WorkflowAdmin.SetEnabled")]
    public async Task<IActionResult> SetEnabled(string id, bool enabled)
    {
        if (!await store.SetEnabledAsync(id, enabled))
        {
            return NotFound();
        }
        TempData[NoticeKey] = enabled ? T["Het workflowtype staat aan."].Value : T["Het workflowtype staat uit: het start geen nieuwe instanties meer."].Value;
        return RedirectToRoute("Workflows.WorkflowAdmin.Edit", new { id });
    }

    [HttpGet("instanties", Name = "Workflows.WorkflowAdmin.AllInstances")]
    public Task<IActionResult> AllInstances(string? status) => InstancesView(null, status);

    [HttpGet("{id}/instanties", Name = "Workflows.WorkflowAdmin.Instances")]
    public async Task<IActionResult> Instances(string id, string? status)
    {
        if (await store.FindAsync(id) is null)
        {
            return NotFound();
        }
        return await InstancesView(id, status);
    }

    [HttpGet("instanties/{instanceId:long}", Name = "Workflows.WorkflowAdmin.Instance")]
    public async Task<IActionResult> Instance(long instanceId)
    {
        var instance = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId);
        if (instance is null)
        {
            return NotFound();
        }
        return View(new WorkflowInstanceViewModel
        {
            Instance = instance,
            TypeName = await db.Set<WorkflowTypeRecord>().Where(t => t.Id == instance.WorkflowTypeId).Select(t => t.Name).SingleOrDefaultAsync(),
            Blocking = WorkflowManager.Blocking(instance),
            Journal = await db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(),
            RetryVersion = await definitions.RetryVersionAsync(instance),
            Notice = TempData[NoticeKey] as string,
            Error = TempData[ErrorKey] as string,
        });
    }

    [HttpPost("instanties/{instanceId:long}/opnieuw", Name = "Workflows.WorkflowAdmin.Retry")]
    public async Task<IActionResult> Retry(long instanceId)
    {
        var instance = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId);
        if (instance is null)
        {
            return NotFound();
        }
        bool retried;
        try
        {
            retried = await manager.RetryAsync(instanceId, HttpContext.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            retried = false;
        }
        if (!retried)
        {
            TempData[ErrorKey] = T["Deze instantie kan niet opnieuw worden geprobeerd: ze is niet (meer) mislukt."].Value;
            return RedirectToRoute("Workflows.WorkflowAdmin.Instance", new { instanceId });
        }
        var status = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync();
        if (status == WorkflowStatus.Faulted)
        {
            TempData[ErrorKey] = T["Opnieuw geprobeerd, maar de stap is weer mislukt. Zie het logboek."].Value;
        }
        else
        {
            TempData[NoticeKey] = T["Opnieuw geprobeerd: de instantie is {0}.", WorkflowStatusText.Dutch(status).ToLowerInvariant()].Value;
        }
        return RedirectToRoute("Workflows.WorkflowAdmin.Instance", new { instanceId });
    }

    private async Task<IActionResult> InstancesView(string? typeId, string? status)
    {
        var query = db.Set<WorkflowInstanceRecord>().AsNoTracking().AsQueryable();
        if (typeId is not null)
        {
            query = query.Where(i => i.WorkflowTypeId == typeId);
        }
        WorkflowStatus? filter = Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (filter is { } s)
        {
            query = query.Where(i => i.Status == s);
        }
        return View("Instances", new WorkflowInstanceListViewModel
        {
            TypeId = typeId,
            TypeName = typeId is null ? null : await db.Set<WorkflowTypeRecord>().Where(t => t.Id == typeId).Select(t => t.Name).SingleOrDefaultAsync(),
            Status = filter,
            Total = await query.CountAsync(),
            Instances = await query.OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id).Take(InstancePageSize).ToListAsync(),
        });
    }

    private WorkflowTypeEditViewModel EditModel(WorkflowTypeRecord? record, string json, IReadOnlyList<string> errors, bool isNew, string? notice = null, int? versionOverride = null)
    {
        var stored = record is null ? null : validator.Validate(record.Json);
        return new WorkflowTypeEditViewModel
        {
            IsNew = isNew,
            Id = record?.Id,
            Name = record?.Name ?? "",
            IsEnabled = record?.IsEnabled ?? false,
            Json = json,
            Version = versionOverride ?? record?.Version ?? 0,
            LatestVersion = record?.LatestVersion ?? 0,
            Errors = errors,
            StoredProblems = stored?.Errors ?? [],
            Activities = stored?.Definition?.Activities.Select(a => library.Find(a.Type) is { } type
                    ? new ActivityRow(a.Id, a.Type, type.DisplayText, a.IsStart, true, string.Join(", ", type.Outcomes(a.Properties)))
                    : new ActivityRow(a.Id, a.Type, T["Onbekend type"].Value, a.IsStart, false, "")).ToList() ?? [],
            KnownActivities = library.All.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Name, a.DisplayText)).ToList(),
            Notice = notice,
        };
    }

    private const string NewTemplate = """
        {
          "Id": "nieuwe-workflow",
          "Name": "Nieuwe workflow",
          "IsEnabled": false,
          "Activities": [
            { "Id": "start", "Type": "ContentPublished", "IsStart": true, "Properties": { "ContentType": "Workshop" } },
            { "Id": "mail", "Type": "SendEmail", "Properties": {
                "To": "{{ Site.ContactEmail }}",
                "Subject": "Nieuw gepubliceerd",
                "Body": "Er is iets gepubliceerd: {{ Input.ContentItemId }}." } }
          ],
          "Transitions": [ { "From": "start", "Outcome": "Done", "To": "mail" } ]
        }
        """;
}
