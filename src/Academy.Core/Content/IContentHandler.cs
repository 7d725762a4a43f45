namespace Academy.Core.Content;

/// <summary>
/// Module hooks on the content life cycle. They run inside the unit of work, before it is saved,
/// so index rows a module writes here commit with the item itself.
/// </summary>
public interface IContentHandler
{
    /// <summary>Adds errors for invalid input (keys are part/field paths, messages in Dutch).</summary>
    Task ValidateAsync(ContentItem item, ContentValidationResult result) => Task.CompletedTask;

    /// <summary>The latest version was saved (draft or published).</summary>
    Task SavedAsync(ContentItem latest) => Task.CompletedTask;

    Task PublishedAsync(ContentItem published) => Task.CompletedTask;

    Task UnpublishedAsync(ContentItem item) => Task.CompletedTask;

    Task RemovedAsync(ContentItem item) => Task.CompletedTask;
}

/// <summary>Told after a content change has committed (e.g. to evict output caches).</summary>
public interface IContentChangeListener
{
    Task ChangedAsync(string contentType, string contentItemId);
}

public sealed class ContentValidationResult
{
    private readonly List<KeyValuePair<string, string>> _errors = [];

    public IReadOnlyList<KeyValuePair<string, string>> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Fail(string key, string message) => _errors.Add(new(key, message));
}

public sealed class ContentValidationException(ContentValidationResult result, Exception? inner = null)
    : Exception(string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")), inner)
{
    public ContentValidationResult Result { get; } = result;
}
