using Academy.Core.Modules;

namespace Academy.Theme.Admin;

/// <summary>The back-office theme: the same NL Design System components, a denser layout and the admin menu.</summary>
public sealed class AdminThemeStartup : ModuleStartup
{
    public override int Order => 101;
}
