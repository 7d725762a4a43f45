namespace Academy.Core.Hosting;

/// <summary>Runs once, after the setup recipe, on a site's first start (the Users module creates the admin account).</summary>
public interface ISetupHandler
{
    Task SetupAsync(SetupContext context);
}

public sealed class SetupContext
{
    public required SetupOptions Options { get; init; }
    /// <summary>Lines to print once on the console (e.g. a generated password).</summary>
    public List<string> Messages { get; } = [];
}
