using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Workflows.Services;

/// <summary>
/// Which activity type (a class, or a plain domain event) answers to which name in workflow JSON. Built once per
/// process, the first time a scope asks: it creates each added activity once to read its <see cref="Activity.Name"/>.
/// </summary>
public sealed class ActivityCatalog(IEnumerable<ActivityRegistration> activities, IEnumerable<WorkflowEventRegistration> events)
{
    private readonly object _lock = new();
    private IReadOnlyDictionary<string, Type?>? _names;
    private readonly IReadOnlyDictionary<string, DomainEventActivity> _events = events
        .GroupBy(e => e.EventType, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new DomainEventActivity(g.First()), StringComparer.Ordinal);

    /// <summary>Outbox message types that workflows start on or wait for.</summary>
    public IReadOnlySet<string> EventTypes { get; } = events.Select(e => e.EventType).ToHashSet(StringComparer.Ordinal);

    /// <summary>Name → the added activity's class, or null for a domain event without an activity class of its own.</summary>
    internal IReadOnlyDictionary<string, Type?> Names(IServiceProvider scope)
    {
        if (_names is { } names)
        {
            return names;
        }
        lock (_lock)
        {
            if (_names is null)
            {
                var map = new Dictionary<string, Type?>(StringComparer.Ordinal);
                foreach (var type in activities.Select(a => a.ActivityType).Distinct())
                {
                    map[((Activity)scope.GetRequiredService(type)).Name] = type;
                }
                foreach (var eventType in _events.Keys)
                {
                    map.TryAdd(eventType, null);
                }
                _names = map;
            }
            return _names;
        }
    }

    internal DomainEventActivity? Event(string name) => _events.GetValueOrDefault(name);
}

/// <summary>
/// The activity types workflow JSON may use, by name: those modules add with AddActivity, and one
/// <see cref="DomainEventActivity"/> per registered domain event that has no activity of its own. An activity (and the
/// services its constructor takes) is created in this scope only when asked for.
/// </summary>
public sealed class ActivityLibrary(ActivityCatalog catalog, IServiceProvider services)
{
    /// <summary>Outbox message types that workflows start on or wait for.</summary>
    public IReadOnlySet<string> EventTypes => catalog.EventTypes;

    public IReadOnlyCollection<Activity> All => catalog.Names(services).Keys.Select(Find).OfType<Activity>().ToList();

    public Activity? Find(string? name)
    {
        if (name is null || !catalog.Names(services).TryGetValue(name, out var type))
        {
            return null;
        }
        return type is null ? catalog.Event(name) : (Activity)services.GetRequiredService(type);
    }
}
