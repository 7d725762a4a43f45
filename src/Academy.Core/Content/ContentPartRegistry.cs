namespace Academy.Core.Content;

/// <summary>The typed parts modules bring; a definition may only use parts that some module registered.</summary>
public sealed class ContentPartRegistry
{
    private readonly Dictionary<string, Type> _parts = new(StringComparer.Ordinal);

    public void Register(Type partType) => _parts[partType.Name] = partType;

    public bool IsKnown(string name) => _parts.ContainsKey(name);

    public Type? Get(string name) => _parts.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => _parts.Keys;
}
