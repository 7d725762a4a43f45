namespace Academy.Workflows.Models;

/// <summary>A workflow type: its definition JSON (activities and transitions), editable in the admin and set by recipes.</summary>
public class WorkflowTypeRecord
{
    /// <summary>Slug, e.g. "aanmelding-bevestigen"; also the definition's Id.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsEnabled { get; set; }
    public string Json { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Optimistic concurrency: an admin save of an older version is refused.</summary>
    public int Version { get; set; }
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
    public string? CorrelationId { get; set; }
    public WorkflowStatus Status { get; set; }
    /// <summary>The payload of the last event that started or resumed the instance.</summary>
    public string InputJson { get; set; } = "{}";
    public string VariablesJson { get; set; } = "{}";
    /// <summary>A JSON list of <see cref="BlockingActivity"/>.</summary>
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
