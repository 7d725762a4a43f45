using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Academy.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Tests.Robustness;

/// <summary>Keeps every log entry at Error or above, so a test can assert that no request failed unhandled.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message} {string.Join(" / ", exception?.StackTrace?.Split('\n').Take(4) ?? [])}");
            }
        }
    }
}

/// <summary>One route of the site as the endpoint data source lists it, with the access rule its metadata gives.</summary>
public sealed record SiteEndpoint(string Method, string Pattern, string Rule, RouteEndpoint Endpoint)
{
    public const string Public = "public";
    public const string LoggedIn = "logged-in";

    /// <summary>"GET /admin/aanbod/{id}" (HEAD is left out: every GET answers it too).</summary>
    public string Key => $"{Method} {Pattern}";

    /// <summary>The permissions the rule asks for (all of them); empty for public and logged-in routes.</summary>
    public IReadOnlyList<string> Permissions => Rule is Public or LoggedIn ? [] : Rule.Split('+');

    /// <summary>Every route endpoint of the running site.</summary>
    public static IReadOnlyList<SiteEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(m => m != "HEAD")
                .Select(m => new SiteEndpoint(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), RuleOf(e), e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>public (anonymous allowed or no authorization), logged-in, or the required permissions joined by '+'.</summary>
    private static string RuleOf(Endpoint endpoint)
    {
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || authorize.Count == 0)
        {
            return Public;
        }
        var permissions = authorize.Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p))
            .Select(p => p!.Replace(Academy.Core.Security.PermissionClaim.PolicyPrefix, "", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return permissions.Count == 0 ? LoggedIn : string.Join('+', permissions);
    }

    /// <summary>The path with every route parameter filled: the given value, or a made-up one that fits its constraint.</summary>
    public string Fill(IReadOnlyDictionary<string, string>? values = null) =>
        Regex.Replace(Pattern, @"\{(\w+)(:[^}]*)?\}", m =>
            values?.GetValueOrDefault(m.Groups[1].Value)
            ?? (m.Groups[2].Value is ":long" or ":int" ? "987654321" : m.Groups[2].Value == ":pageslug" ? "over-de-leeracademie" : "onbekend"));

    /// <summary>Whether <paramref name="path"/> (without query) is an instance of this route's pattern.</summary>
    public bool Matches(string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(Pattern).Replace(@"\{", "{"), @"\{(\w+)(:[^}]*)?}", "[^/]+?") + "$");
}

/// <summary>A SQLite site for the robustness tests: throttles out of the way, errors logged to <see cref="Errors"/>.</summary>
public class RobustSite : IDisposable
{
    public RobustSite() : this(null)
    {
    }

    protected internal RobustSite(string? postgresConnection)
    {
        Factory = new AcademyFactory(postgresConnection)
        {
            ConfigureHost = builder => builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Errors)),
        };
        // Thousands of requests from one client address: the throttles would answer 429 before the form is read.
        Factory.Settings["Academy:Users:LoginAttemptsPerWindow"] = "1000000";
        Factory.Settings["Academy:EmployerSignup:SubmissionsPerWindow"] = "1000000";
        Factory.Settings["Academy:Certificates:ChecksPerWindow"] = "1000000";
    }

    public ErrorLog Errors { get; } = new();

    public AcademyFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}
