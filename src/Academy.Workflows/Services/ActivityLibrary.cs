using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;

namespace Academy.Workflows.Services;

/// <summary>
/// The activity types workflow JSON may use, by name: those modules add with AddActivity, and one
/// <see cref="DomainEventActivity"/> per registered domain event that has no activity of its own.
/// </summary>
public sealed class ActivityLibrary
{
    private readonly Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);

    public ActivityLibrary(IEnumerable<Activity> activities, IEnumerable<WorkflowEventRegistration> events)
    {
        foreach (var activity in activities)
        {
            _activities[activity.Name] = activity;
        }
        foreach (var registration in events)
        {
            _activities.TryAdd(registration.EventType, new DomainEventActivity(registration));
        }
        EventTypes = events.Select(e => e.EventType).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Outbox message types that workflows start on or wait for.</summary>
    public IReadOnlySet<string> EventTypes { get; }

    public IReadOnlyCollection<Activity> All => _activities.Values;

    public Activity? Find(string? name) => name is not null && _activities.TryGetValue(name, out var activity) ? activity : null;
}
