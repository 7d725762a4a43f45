using System.Runtime.CompilerServices;
using Academy.Core.Data;

namespace Academy.Tests.Infrastructure;

/// <summary>
/// SQLite takes its process-wide settings only before its first connection. A site applies them in its start-up, before
/// it opens one; in this test process other tests open bare connections first, so the settings go in when it loads.
/// </summary>
internal static class SqliteSettingsFirst
{
    [ModuleInitializer]
    internal static void Apply() => SqliteProcessSettings.Apply();
}
