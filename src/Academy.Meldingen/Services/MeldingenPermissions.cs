using Academy.Core.Security;

namespace Academy.Meldingen.Services;

public sealed class MeldingenPermissions : IPermissionProvider
{
    /// <summary>The Gids role: the queue of meldingen, claiming, notes, referring and closing.</summary>
    public const string HandleMeldingen = "HandleMeldingen";

    /// <summary>The anonymous figures and the CSV export in /admin (Beheerder, Leercoördinator, managers).</summary>
    public const string ViewMeldingenDashboard = "ViewMeldingenDashboard";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(HandleMeldingen, "Meldingen van bezoekers oppakken, doorverwijzen en afsluiten (gidsen)"),
        new(ViewMeldingenDashboard, "Het overzicht van meldingen in cijfers bekijken en downloaden"),
    ];
}
