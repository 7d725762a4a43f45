using System.Reflection;
using System.Text.RegularExpressions;
using Academy.Core.Security;
using Academy.Web;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Academy.Tests.Architecture;

/// <summary>
/// The house rules for views and themes (DESIGN.md): a module's views render only their own partials and Core's shared UI,
/// links come from named routes (no literal internal URL), and a theme names no module route or permission.
/// </summary>
public partial class ViewRulesTests
{
    /// <summary>Views that may write literal URLs (path prefix → reason). Empty: every view links through named routes.</summary>
    private static readonly Dictionary<string, string> LiteralUrlExceptions = new(StringComparer.Ordinal);

    internal static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Academy.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Academy.sln not found above the test binaries.");
    }

    /// <summary>Every project that has views: modules under src/, themes under themes/.</summary>
    private static IEnumerable<string> ViewProjects() =>
        Directory.GetDirectories(Path.Combine(Root, "src")).Concat(Directory.GetDirectories(Path.Combine(Root, "themes")))
            .Where(d => Directory.Exists(Path.Combine(d, "Views")));

    private static IEnumerable<string> Views(string project) =>
        Directory.GetFiles(Path.Combine(project, "Views"), "*.cshtml", SearchOption.AllDirectories);

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    [GeneratedRegex(@"<partial\s+name=""(?<name>[^""]+)""|Partial(?:Async)?\(""(?<name>[^""]+)""")]
    private static partial Regex PartialReference();

    [GeneratedRegex(@"<vc:(?<tag>[a-z0-9-]+)|Component\.InvokeAsync\(""(?<name>[^""]+)""")]
    private static partial Regex ComponentReference();

    [GeneratedRegex(@"\b(?:href|action|formaction|src)\s*=\s*""/(?!/)[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralUrl();

    /// <summary>A partial named at run time by a content part driver (its editor or display view).</summary>
    [GeneratedRegex(@"^@\w+\.(?:Driver\.EditorView|View)$")]
    private static partial Regex DriverView();

    /// <summary>The partials a view renders that are neither its own module's nor Core's shared UI.</summary>
    public static IEnumerable<string> ForeignPartials(string project, string view, string text)
    {
        var core = Path.Combine(Root, "src", "Academy.Core");
        foreach (Match m in PartialReference().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (DriverView().IsMatch(name))
            {
                // Composed through Core's part-driver contract: the part's own module names its view.
                continue;
            }
            string[] candidates = name.StartsWith("~/", StringComparison.Ordinal)
                ? [Path.Combine(project, name[2..])]
                :
                [
                    Path.Combine(Path.GetDirectoryName(view)!, name + ".cshtml"),
                    Path.Combine(project, "Views", "Shared", name + ".cshtml"),
                    Path.Combine(core, "Views", "Shared", name + ".cshtml"),
                ];
            if (!candidates.Any(File.Exists))
            {
                yield return $"{Relative(view)} renders partial '{name}', which is neither in its own project nor Core's Views/Shared";
            }
        }
    }

    /// <summary>The view components a view invokes that its own project and Core do not define.</summary>
    public static IEnumerable<string> ForeignComponents(string project, string view, string text)
    {
        var own = ComponentNames(project).Concat(ComponentNames(Path.Combine(Root, "src", "Academy.Core"))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in ComponentReference().Matches(text))
        {
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["tag"].Value.Replace("-", "");
            if (!own.Contains(name))
            {
                yield return $"{Relative(view)} invokes view component '{name}', which is neither in its own project nor Core";
            }
        }
    }

    private static IEnumerable<string> ComponentNames(string project) =>
        Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"class\s+(\w+)ViewComponent\b").Select(m => m.Groups[1].Value));

    public static IEnumerable<string> LiteralUrls(string file, string text) =>
        LiteralUrl().Matches(text).Select(m => $"{file}: {m.Value} (link from a named route: Url.RouteUrl / asp-route)");

    [Fact]
    public void A_view_renders_only_its_own_modules_partials_and_cores_shared_ui()
    {
        var problems = ViewProjects()
            .SelectMany(p => Views(p).SelectMany(v => ForeignPartials(p, v, File.ReadAllText(v)).Concat(ForeignComponents(p, v, File.ReadAllText(v)))))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_view_writes_a_literal_internal_url()
    {
        var problems = ViewProjects().SelectMany(Views)
            .Where(v => !LiteralUrlExceptions.Keys.Any(prefix => Relative(v).StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(v => LiteralUrls(Relative(v), File.ReadAllText(v)))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The first segments of every module route ("admin", "leeragenda", "harrie"), from the controllers' attributes.</summary>
    public static IReadOnlySet<string> ModuleRoutePrefixes() => ModuleControllers()
        .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Mvc.RouteAttribute>(true).Select(r => r.Template)
            .Concat(t.GetMethods().SelectMany(m => m.GetCustomAttributes<HttpMethodAttribute>()).Select(h => h.Template ?? "")))
        .Select(t => t.TrimStart('~', '/').Split('/')[0]).Where(s => s.Length > 0 && !s.StartsWith('{')).ToHashSet(StringComparer.Ordinal);

    private static List<Type> ModuleControllers() => SiteModules.All().Select(m => m.GetType().Assembly).Distinct()
        .SelectMany(a => a.GetTypes()).Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.ControllerBase))).ToList();

    [Fact]
    public void A_theme_names_no_module_route_or_permission()
    {
        var modules = SiteModules.All().Select(m => m.GetType().Assembly).Distinct().ToList();
        var controllers = ModuleControllers();
        var prefixes = ModuleRoutePrefixes();
        var routeNames = controllers.SelectMany(t => t.GetMethods()).SelectMany(m => m.GetCustomAttributes<HttpMethodAttribute>())
            .Select(h => h.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var permissions = modules.SelectMany(a => a.GetTypes())
            .Where(t => typeof(IPermissionProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => ((IPermissionProvider)Activator.CreateInstance(t)!).GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("leeragenda", prefixes);
        Assert.Contains("AccessAdmin", permissions);
        Assert.Contains("Leeragenda.Catalogue.Index", routeNames);

        var themeFiles = Directory.GetDirectories(Path.Combine(Root, "themes"))
            .SelectMany(d => Directory.GetFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Relative(f).Contains("/obj/") && !Relative(f).Contains("/bin/"));
        var problems = themeFiles.SelectMany(f => ThemeProblems(Relative(f), File.ReadAllText(f), prefixes, routeNames, permissions)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static IEnumerable<string> ThemeProblems(string file, string text, IReadOnlySet<string> prefixes, IReadOnlySet<string> routeNames, IReadOnlySet<string> permissions)
    {
        foreach (var prefix in prefixes.Where(p => Regex.IsMatch(text, "[\"'(]/" + Regex.Escape(p) + @"(?=[/""'?#)]|\.|$)")))
        {
            yield return $"{file} names the module route /{prefix}";
        }
        foreach (var name in routeNames.Where(n => text.Contains('"' + n + '"', StringComparison.Ordinal)))
        {
            yield return $"{file} names the module route '{name}'";
        }
        foreach (var permission in permissions.Where(p => text.Contains('"' + p + '"', StringComparison.Ordinal)))
        {
            yield return $"{file} names the permission '{permission}'";
        }
        if (text.Contains(PermissionClaim.Type + "\"", StringComparison.Ordinal) && text.Contains("HasClaim", StringComparison.Ordinal))
        {
            yield return $"{file} checks a permission claim itself (let a navigation provider say who sees what)";
        }
    }

    [Fact]
    public void The_rules_catch_what_they_are_for()
    {
        // A hand-made bad view and theme, so the rules above are known to fail when the code breaks them.
        var project = Path.Combine(Root, "src", "Academy.Accreditation");
        var view = Path.Combine(project, "Views", "Attendance", "Fake.cshtml");
        Assert.Single(ForeignPartials(project, view, """<partial name="_EditionFacts" model="x" />"""));
        Assert.Empty(ForeignPartials(project, view, """<partial name="_ErrorSummary" model="x" />"""));
        Assert.Single(ForeignComponents(project, view, """<vc:no-such-card />"""));
        Assert.Equal(2, LiteralUrls("x", """<a href="/leeragenda">a</a><form action="/harrie/x">""").Count());
        Assert.Empty(LiteralUrls("x", """<a href="#inhoud">a</a><a href="@Url.RouteUrl("X")">b</a><a href="https://example.org/">c</a>"""));
        var problems = ThemeProblems("theme", """<a href="/werkgever">x</a> @if (User.HasClaim("Permission", "AccessAdmin")) { @Url.RouteUrl("Users.Account.Login") }""",
            new HashSet<string> { "werkgever" }, new HashSet<string> { "Users.Account.Login" }, new HashSet<string> { "AccessAdmin" }).ToList();
        Assert.Equal(4, problems.Count);
    }
}
