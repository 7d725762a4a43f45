using System.Text.RegularExpressions;

namespace Academy.Tests.Architecture;

/// <summary>
/// Links come from named routes (DESIGN.md), in C# as in views: module code makes an address with
/// <c>LinkGenerator</c>/<c>IUrlHelper</c> (or <c>RedirectToRoute</c>), never by writing a site path such as
/// <c>"/admin/aanbod"</c> or <c>$"/leeragenda/{slug}"</c>. Route templates themselves (the attributes) are where
/// paths belong; a few places that must hold a path are allowed below, each with its reason.
/// </summary>
public partial class CodeUrlRulesTests
{
    /// <summary>File (or folder, ending in '/') → why it may write an internal path.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/Academy.Core/Hosting/AcademyHost.cs"] = "middleware needs paths: the error page to re-execute, the health check and static assets it maps itself",
        ["src/Academy.Users/UsersStartup.cs"] = "Identity's cookie needs LoginPath/LogoutPath/AccessDeniedPath as paths",
        ["src/Academy.Users/Services/TwoFactor/StaffTwoFactorRequirement.cs"] = "middleware guards the /admin path prefix, whichever module owns the page",
        ["src/Academy.Pages/Controllers/SitemapController.cs"] = "robots.txt speaks in path prefixes (/admin, /account), not in routes",
        ["src/Academy.Users/Services/AccountProvisioning.cs"] = "the account pages are being rewritten (issue 11); their links follow then",
        ["src/Academy.Accreditation/Controllers/AttendanceController.cs"] = "one set of attendance views serves two route families; the family's root path is passed to them (to be replaced by route names)",
        ["src/Academy.Accreditation/Controllers/AttendanceAdminController.cs"] = "as AttendanceController",
    };

    [GeneratedRegex(@"^\s*(\[|//)")]
    private static partial Regex AttributeOrComment();

    /// <summary>A C# string (plain, verbatim or interpolated) that starts with "/" and a module's route prefix.</summary>
    public static IEnumerable<string> LiteralPaths(string file, string text, IReadOnlySet<string> prefixes)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (AttributeOrComment().IsMatch(lines[i]))
            {
                continue;
            }
            foreach (Match m in Regex.Matches(lines[i], @"(?<![\w""])[$@]{0,2}""/(?<prefix>[a-z0-9][a-z0-9.-]*)(?=[/""?{]|$)"))
            {
                if (prefixes.Contains(m.Groups["prefix"].Value))
                {
                    yield return $"{file}:{i + 1}: {lines[i].Trim()} (make the address from a named route)";
                }
            }
        }
    }

    [Fact]
    public void Module_code_writes_no_internal_path()
    {
        var root = ViewRulesTests.Root;
        var prefixes = ViewRulesTests.ModuleRoutePrefixes();
        Assert.Contains("admin", prefixes);
        var files = Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(f => !f.Relative.Contains("/obj/") && !f.Relative.Contains("/bin/"))
            .Where(f => !Allowed.Keys.Any(a => a.EndsWith('/') ? f.Relative.StartsWith(a, StringComparison.Ordinal) : f.Relative == a))
            .ToList();
        Assert.True(files.Count > 100);
        var problems = files.SelectMany(f => LiteralPaths(f.Relative, File.ReadAllText(f.Full), prefixes)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_allowed_files_still_exist()
    {
        var root = ViewRulesTests.Root;
        Assert.All(Allowed.Keys, a => Assert.True(a.EndsWith('/') ? Directory.Exists(Path.Combine(root, a)) : File.Exists(Path.Combine(root, a)), a));
    }

    [Fact]
    public void The_rule_catches_what_it_is_for()
    {
        var prefixes = new HashSet<string> { "admin", "leeragenda" };
        Assert.Equal(3, LiteralPaths("x", """
            return Redirect("/admin/aanbod");
            var url = $"/leeragenda/{slug}";
            var menu = new("Aanbod", "/admin", "X");
            """, prefixes).Count());
        Assert.Empty(LiteralPaths("x", """
            [HttpGet("/admin", Name = "Admin.Dashboard.Index")]
            /// <summary>"/admin/aanbod" in a comment</summary>
            var other = "/assets/x.css" + "/admin-like";
            return RedirectToRoute("Leeragenda.OfferingAdmin.Index");
            """, prefixes));
    }
}
