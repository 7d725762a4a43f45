using Academy.Workflows.Models;

namespace Academy.Workflows.ViewModels;

public sealed record WorkflowTypeRow(string Id, string Name, bool IsEnabled, int ProblemCount, int Running, int Blocked, int Finished, int Faulted);

public sealed class WorkflowTypeListViewModel
{
    public required IReadOnlyList<WorkflowTypeRow> Rows { get; init; }
    public string? Notice { get; init; }
}

public sealed record ActivityRow(string Id, string Type, string DisplayText, bool IsStart, bool IsKnown, string Outcomes);

public sealed class WorkflowTypeEditViewModel
{
    public bool IsNew { get; init; }
    public string? Id { get; init; }
    public string Name { get; init; } = "";
    public bool IsEnabled { get; init; }
    public required string Json { get; init; }
    /// <summary>The editor's concurrency stamp (posted back).</summary>
    public int Version { get; init; }
    /// <summary>The newest definition version, which new instances start on.</summary>
    public int LatestVersion { get; init; }
    /// <summary>Instances not finished yet that run on an older version.</summary>
    public int OlderVersionInstances { get; set; }
    /// <summary>Problems of the posted JSON (the save was refused).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    /// <summary>Problems of the stored type (e.g. an activity no installed module provides).</summary>
    public IReadOnlyList<string> StoredProblems { get; init; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; init; } = [];
    public IReadOnlyList<(string Name, string DisplayText)> KnownActivities { get; init; } = [];
    public string? Notice { get; init; }
}

public sealed class WorkflowInstanceListViewModel
{
    public string? TypeId { get; init; }
    public string? TypeName { get; init; }
    public WorkflowStatus? Status { get; init; }
    public required IReadOnlyList<WorkflowInstanceRecord> Instances { get; init; }
    public int Total { get; init; }
}

public sealed class WorkflowInstanceViewModel
{
    public required WorkflowInstanceRecord Instance { get; init; }
    public string? TypeName { get; init; }
    public required IReadOnlyList<BlockingActivity> Blocking { get; init; }
    public required IReadOnlyList<WorkflowJournalRecord> Journal { get; init; }
    /// <summary>The version "Opnieuw proberen" would run a faulted instance on (its own, or the newest that still has the failed step).</summary>
    public int RetryVersion { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
}

public static class WorkflowStatusText
{
    public static string Dutch(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => "Actief",
        WorkflowStatus.Blocked => "Wachtend",
        WorkflowStatus.Finished => "Afgerond",
        _ => "Mislukt",
    };
}
