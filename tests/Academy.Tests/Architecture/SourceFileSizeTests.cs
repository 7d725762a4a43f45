namespace Academy.Tests.Architecture;

/// <summary>Source files stay under 400 lines (house rule): a file that grows that long is split by topic.</summary>
public sealed class SourceFileSizeTests
{
    public const int MaxLines = 400;

    /// <summary>The .cs and .cshtml files under src/, themes/ and tests/ with <see cref="MaxLines"/> lines or more (build output left out).</summary>
    public static IEnumerable<string> TooLong(string root) =>
        new[] { "src", "themes", "tests" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .Where(f => !f.File.Contains("/obj/") && !f.File.Contains("/bin/") && !f.File.Contains("/node_modules/"))
            .Select(f => (f.File, Lines: File.ReadLines(f.Full).Count()))
            .Where(f => f.Lines >= MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines (split it by topic; the limit is {MaxLines})");

    [Fact]
    public void No_source_file_has_400_lines_or_more()
    {
        var problems = TooLong(ViewRulesTests.Root).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_rule_counts_lines_and_skips_build_output()
    {
        var root = Directory.CreateTempSubdirectory("academy-size-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "src", "M", "obj"));
            Directory.CreateDirectory(Path.Combine(root, "tests"));
            File.WriteAllLines(Path.Combine(root, "src", "M", "Long.cs"), Enumerable.Repeat("//", MaxLines));
            File.WriteAllLines(Path.Combine(root, "src", "M", "Short.cshtml"), Enumerable.Repeat("@* *@", MaxLines - 1));
            File.WriteAllLines(Path.Combine(root, "src", "M", "obj", "Generated.cs"), Enumerable.Repeat("//", MaxLines * 2));
            File.WriteAllLines(Path.Combine(root, "tests", "Long.cshtml"), Enumerable.Repeat("@* *@", MaxLines + 1));
            Assert.Equal(["src/M/Long.cs", "tests/Long.cshtml"], TooLong(root).Select(p => p.Split(':')[0]).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
