using System.Collections.Concurrent;
using Academy.Testing;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>Profiles the test sets, in place of the Users module's (built in parallel by the profile engineer).</summary>
public sealed class FakeMemberProfiles : IMemberProfiles
{
    private readonly ConcurrentDictionary<string, MemberProfile> _profiles = new();

    public void Add(MemberProfile profile) => _profiles[profile.UserId] = profile;

    public Task<MemberProfile?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault(userId));

    public Task<IReadOnlyDictionary<string, MemberProfile>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, MemberProfile>>(userIds.Distinct().Where(_profiles.ContainsKey).ToDictionary(id => id, id => _profiles[id]));

    public Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken = default)
    {
        static bool Has(string? value, string? filter) => filter is null || (value?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false);
        var found = _profiles.Values.Where(p => p.VisibleToColleagues && Has(p.DisplayName, search.Text) && Has(p.Function, search.Function)
                && (search.OrganisationId is null || p.OrganisationId == search.OrganisationId)
                && (search.Theme is null || p.ExpertiseThemes.Any(t => t.Contains(search.Theme, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        return Task.FromResult(new MemberSearchResult(found.Skip((search.Page - 1) * search.PageSize).Take(search.PageSize).ToList(), found.Count));
    }
}

/// <summary>A seeded SQLite site whose member profiles come from <see cref="Profiles"/>.</summary>
public sealed class CommunitySite : IAsyncLifetime
{
    public CommunitySite()
    {
        Factory = Create(null, Profiles);
    }

    public FakeMemberProfiles Profiles { get; } = new();

    public AcademyFactory Factory { get; }

    internal static AcademyFactory Create(string? postgres, FakeMemberProfiles profiles)
    {
        var factory = new AcademyFactory(postgres)
        {
            ConfigureHost = builder => builder.ConfigureTestServices(services => services.AddSingleton<IMemberProfiles>(profiles)),
        };
        // Every test logs in several people from the one test client address.
        factory.Settings["Academy:Users:LoginAttemptsPerWindow"] = "1000000";
        return factory;
    }

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
