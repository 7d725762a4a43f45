namespace Academy.Workflows.Models;

/// <summary>
/// A workflow type: its newest definition JSON (activities and transitions), editable in the admin and set by recipes.
/// Every changed definition is kept as a <see cref="WorkflowTypeVersionRecord"/>; new instances start on
/// <see cref="LatestVersion"/>, running ones stay on the version they started on.
/// </summary>
public class WorkflowTypeRecord
{
    /// <summary>Slug, e.g. "aanmelding-bevestigen"; also the definition's Id.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsEnabled { get; set; }
    /// <summary>The newest definition as written (with the current IsEnabled).</summary>
    public string Json { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
    /// <summary>
    /// Optimistic concurrency of the editor: an admin save over a newer edit (or on/off switch) is refused. Not the
    /// definition's version (switching on or off bumps this, not <see cref="LatestVersion"/>).
    /// </summary>
    public int Version { get; set; }
    /// <summary>The newest definition version (1, 2, …): the one new instances start on.</summary>
    public int LatestVersion { get; set; }
}

/// <summary>One version of a workflow type's definition. Never changed once written, so it may be cached by (TypeId, Version) on every node.</summary>
public class WorkflowTypeVersionRecord
{
    public string TypeId { get; set; } = "";
    public int Version { get; set; }
    /// <summary>The definition as written when this version was saved.</summary>
    public string Json { get; set; } = "{}";
    /// <summary>SHA-256 (hex) of the definition without formatting and without IsEnabled: an import of the same definition makes no new version.</summary>
    public string Hash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// Which event starts which workflow type: one row per start activity of the newest version of each type (kept by
/// <see cref="Services.WorkflowTypeStore"/>), so a domain event finds the types it starts without reading any JSON.
/// </summary>
public class WorkflowStartIndexRecord
{
    public string TypeId { get; set; } = "";
    public int Version { get; set; }
    public string ActivityId { get; set; } = "";
    /// <summary>The start activity's type: the domain event (outbox message Type), e.g. "EnrolmentConfirmed".</summary>
    public string EventType { get; set; } = "";
}

/// <summary>
/// What a blocked instance waits for: one row per blocking activity (an event, a timer, a signal), written with the
/// instance by the engine and removed when it stops waiting, so an event finds the instances it resumes by its
/// correlation id and type without reading their JSON.
/// </summary>
public class WorkflowBlockingIndexRecord
{
    public long InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    /// <summary>The activity type it waits for: an event type, "Signal", "Timer" or "Wait".</summary>
    public string ActivityType { get; set; } = "";
    public string? CorrelationId { get; set; }
    /// <summary>For a Signal activity: the signal's name in lower case ("approve"); otherwise null.</summary>
    public string? Signal { get; set; }
}

public enum WorkflowStatus
{
    Running,
    Blocked,
    Finished,
    Faulted,
}

/// <summary>An activity an instance waits on (an event, a timer, a signal).</summary>
public sealed record BlockingActivity(string ActivityId, string Type);

/// <summary>One run of a workflow type, about one thing (its correlation id, e.g. an enrolment id).</summary>
public class WorkflowInstanceRecord
{
    public long Id { get; set; }
    public string WorkflowTypeId { get; set; } = "";
    /// <summary>The version of the type it started on; it finishes on that version, whatever is edited meanwhile.</summary>
    public int WorkflowTypeVersion { get; set; }
    public string? CorrelationId { get; set; }
    public WorkflowStatus Status { get; set; }
    /// <summary>The payload of the last event that started or resumed the instance.</summary>
    public string InputJson { get; set; } = "{}";
    public string VariablesJson { get; set; } = "{}";
    /// <summary>A JSON list of <see cref="BlockingActivity"/> (what the admin shows; the engine looks up <see cref="WorkflowBlockingIndexRecord"/>).</summary>
    public string BlockingActivitiesJson { get; set; } = "[]";
    public string? FaultMessage { get; set; }
    /// <summary>The activity that failed; "Opnieuw proberen" runs it again.</summary>
    public string? FaultedActivityId { get; set; }
    /// <summary>Whether it failed while being resumed (by its event) rather than executed.</summary>
    public bool FaultedOnResume { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Optimistic concurrency: two nodes resuming the same instance cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>One executed (or failed) activity of an instance.</summary>
public class WorkflowJournalRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    /// <summary>Comma-separated outcomes; "(wacht)" when the activity halted.</summary>
    public string Outcomes { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string? Error { get; set; }
}
