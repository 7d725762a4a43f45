using Academy.Core.Modules;

namespace Academy.Theme.Werkcentrum;

/// <summary>
/// The public theme: NL Design System components (Utrecht CSS) dressed with neutral design tokens.
/// A region brands it by overriding tokens in assets/css/region.css.
/// </summary>
public sealed class WerkcentrumThemeStartup : ModuleStartup
{
    public override int Order => 100;
}
