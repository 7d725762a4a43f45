using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Workflows.Abstractions;

/// <summary>An activity type added with <see cref="WorkflowServiceCollectionExtensions.AddActivity{T}"/>.</summary>
public sealed record ActivityRegistration(Type ActivityType);

/// <summary>A domain event type (the outbox message Type) that workflows can start on or wait for.</summary>
public sealed record WorkflowEventRegistration(string EventType, string DisplayText);

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Makes an activity type available to workflow JSON. It is scoped and gets its services by constructor (the
    /// engine's scope: its AcademyDbContext is the instance's unit of work); the engine creates it only when a
    /// workflow reaches it. Its <see cref="Activity.Name"/> must not depend on anything but the type.
    /// </summary>
    public static IServiceCollection AddActivity<T>(this IServiceCollection services) where T : Activity
    {
        services.TryAddScoped<T>();
        services.AddScoped<Activity>(sp => sp.GetRequiredService<T>());
        services.AddSingleton(new ActivityRegistration(typeof(T)));
        return services;
    }

    /// <summary>
    /// Makes a domain event usable as an event activity: its outbox Type becomes the activity name and its
    /// JSON payload the workflow's Input.
    /// </summary>
    public static IServiceCollection AddWorkflowEvent(this IServiceCollection services, string eventType, string displayText) =>
        services.AddSingleton(new WorkflowEventRegistration(eventType, displayText));
}

/// <summary>
/// Signed links that resume a workflow instance blocked on a Signal activity (approve/decline by mail).
/// A tampered or expired token is rejected.
/// </summary>
public interface ISignalLinks
{
    /// <summary>Absolute URL that delivers <paramref name="signal"/> to the instance.</summary>
    string CreateUrl(long workflowInstanceId, string signal);
}

/// <summary>Delivers a signal to the instances waiting for it (used by admin buttons and the signed-link endpoint).</summary>
public interface IWorkflowSignaller
{
    /// <summary>Resumes instances with this correlation id that block on a Signal activity named <paramref name="signal"/>; returns how many resumed.</summary>
    Task<int> SignalAsync(string correlationId, string signal, System.Text.Json.Nodes.JsonObject? input = null, CancellationToken cancellationToken = default);
}
