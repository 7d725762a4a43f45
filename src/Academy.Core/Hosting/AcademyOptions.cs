namespace Academy.Core.Hosting;

/// <summary>The "Academy" configuration section.</summary>
public sealed class AcademyOptions
{
    /// <summary>Where the site keeps its SQLite file, mail pickup folder and keys; relative to the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";
    public DatabaseOptions Database { get; set; } = new();
    public SetupOptions Setup { get; set; } = new();
    /// <summary>The site's public address, for links in mails sent by background work (no request to read it from).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    public BackgroundOptions Background { get; set; } = new();
}

public sealed class BackgroundOptions
{
    /// <summary>Off in tests that drain the processors themselves.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long the worker sleeps when every processor was idle.</summary>
    public int PollMilliseconds { get; set; } = 1000;
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Empty for SQLite means a file academy.db under AppDataPath.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class SetupOptions
{
    /// <summary>The recipe run on first start with an empty database.</summary>
    public string Recipe { get; set; } = "midden-gelderland";
    public string AdminEmail { get; set; } = "admin@example.nl";
    /// <summary>When empty, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
    /// <summary>Fixes the date recipe dates count from (yyyy-MM-dd); today when empty.</summary>
    public DateOnly? Date { get; set; }
}
