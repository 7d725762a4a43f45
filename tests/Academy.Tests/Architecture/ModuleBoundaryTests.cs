using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchAssembly = System.Reflection.Assembly;

namespace Academy.Tests.Architecture;

/// <summary>
/// The house rules of DESIGN.md as architecture tests (ArchUnitNET, on the compiled assemblies, views included):
/// Core knows no module; a module uses another module only through that module's <c>Academy.X.Abstractions</c>;
/// abstractions and themes use only Core and abstractions. The assemblies are found by name (<c>Academy.*</c>
/// next to the tests), so a module added later is checked without touching this file. A failure lists every
/// offending type with what it depends on.
/// </summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void The_assemblies_are_found_by_name()
    {
        // Guards the rules below against checking nothing (a renamed or missing assembly).
        Assert.Contains("Academy.Core", Layout.Core.Select(a => a.GetName().Name));
        Assert.Contains("Enrolment", Layout.Modules.Keys);
        Assert.Contains("Accreditation", Layout.Modules.Keys);
        Assert.Contains("Enrolment", Layout.Abstractions.Keys);
        Assert.NotEmpty(Layout.Themes);
        Assert.True(Layout.Architecture.Types.Count() > 100);
    }

    [Fact]
    public void Core_references_no_module()
    {
        Check(Layout.Core[0], Layout.AllBut(Layout.Core), "Academy.Core knows no module and no feature vocabulary (DESIGN.md)");
    }

    public static TheoryData<string> ModuleNames() => new(Layout.Modules.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_other_modules_only_through_their_abstractions(string module)
    {
        var own = Layout.Modules[module];
        var forbidden = Layout.AllBut([.. Layout.Core, .. Layout.Abstractions.Values, own]);
        Check(own, forbidden, $"{own.GetName().Name} may use another module's entities, DbSets, services and controllers only through its Academy.<Module>.Abstractions");
    }

    public static TheoryData<string> AbstractionNames() => new(Layout.Abstractions.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AbstractionNames))]
    public void Abstractions_use_only_core_and_other_abstractions(string module)
    {
        var own = Layout.Abstractions[module];
        var forbidden = Layout.AllBut([.. Layout.Core, .. Layout.Abstractions.Values]);
        Check(own, forbidden, $"{own.GetName().Name} is what other modules may use: it must not pull in a module's internals");
    }

    public static TheoryData<string> ThemeNames() => new(Layout.Themes.Select(t => t.GetName().Name!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ThemeNames))]
    public void Themes_use_only_core_and_abstractions(string theme)
    {
        var own = Layout.Themes.Single(t => t.GetName().Name == theme);
        var forbidden = Layout.AllBut([.. Layout.Core, .. Layout.Abstractions.Values, own]);
        Check(own, forbidden, $"a theme ({theme}) dresses the site and never calls a module's services, controllers or entities");
    }

    /// <summary>Fails with every type of <paramref name="assembly"/> that uses a type of <paramref name="forbidden"/>, and what it uses.</summary>
    private static void Check(ArchAssembly assembly, ArchAssembly[] forbidden, string because) =>
        Types().That().ResideInAssembly(assembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(forbidden[0], forbidden[1..]))
            .Because(because)
            .Check(Layout.Architecture);

    /// <summary>The site's assemblies by role, read from the <c>Academy.*.dll</c> files beside the tests.</summary>
    private static class Layout
    {
        /// <summary>Not part of the site: the test and benchmark projects.</summary>
        private static readonly string[] NotSite = ["Academy.Tests", "Academy.E2E", "Academy.Benchmarks"];

        private const string AbstractionsSuffix = ".Abstractions";
        private const string ThemePrefix = "Academy.Theme.";

        public static IReadOnlyList<ArchAssembly> All { get; } = Directory
            .GetFiles(AppContext.BaseDirectory, "Academy.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !NotSite.Contains(name))
            .Order(StringComparer.Ordinal)
            .Select(name => ArchAssembly.Load(new AssemblyName(name!)))
            .ToList();

        public static IReadOnlyList<ArchAssembly> Core { get; } = All.Where(a => a.GetName().Name == "Academy.Core").ToList();

        public static IReadOnlyList<ArchAssembly> Themes { get; } = All.Where(a => a.GetName().Name!.StartsWith(ThemePrefix, StringComparison.Ordinal)).ToList();

        /// <summary>Academy.X.Abstractions by X.</summary>
        public static IReadOnlyDictionary<string, ArchAssembly> Abstractions { get; } = All
            .Where(a => a.GetName().Name!.EndsWith(AbstractionsSuffix, StringComparison.Ordinal))
            .ToDictionary(a => ModuleName(a)[..^AbstractionsSuffix.Length]);

        /// <summary>Feature modules (Academy.X) by X: everything but Core, the host, themes and abstractions.</summary>
        public static IReadOnlyDictionary<string, ArchAssembly> Modules { get; } = All
            .Where(a => a.GetName().Name is not ("Academy.Core" or "Academy.Web"))
            .Where(a => !Themes.Contains(a) && !Abstractions.Values.Contains(a))
            .ToDictionary(ModuleName);

        public static ArchUnitNET.Domain.Architecture Architecture { get; } = new ArchLoader().LoadAssemblies([.. All]).Build();

        /// <summary>Every site assembly except <paramref name="allowed"/> (never empty: the host is always there).</summary>
        public static ArchAssembly[] AllBut(IEnumerable<ArchAssembly> allowed)
        {
            var keep = allowed.ToHashSet();
            return All.Where(a => !keep.Contains(a)).ToArray();
        }

        private static string ModuleName(ArchAssembly assembly) => assembly.GetName().Name!["Academy.".Length..];
    }
}
