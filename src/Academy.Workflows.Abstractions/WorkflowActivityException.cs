namespace Academy.Workflows.Abstractions;

/// <summary>An activity cannot do its work with the values it got; the Dutch message goes to the instance's journal.</summary>
public sealed class WorkflowActivityException(string message) : Exception(message);
