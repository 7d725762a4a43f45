using SQLitePCL;

namespace Academy.Core.Data;

/// <summary>
/// Process-wide SQLite settings, applied once before the first connection opens (SQLite accepts them only before it
/// initialises). Memory statistics are switched off: SQLite keeps them under one global mutex that every allocation
/// takes, so statements being prepared on different connections waited for each other, and a site on two cores
/// prepared statements no faster than on one. Nothing here reads those statistics (no soft heap limit is set).
/// </summary>
public static class SqliteProcessSettings
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static readonly Lazy<int> Applied = new(() =>
    {
        Batteries_V2.Init();
        // SQLITE_MISUSE when something opened SQLite before this first call: the statistics then stay on. Later calls
        // (every site of a process) return this first result.
        return raw.sqlite3_config(ConfigMemStatus, 0);
    });

    /// <summary>Applies the settings (once per process); the result code of SQLite's configuration call.</summary>
    public static int Apply() => Applied.Value;
}
