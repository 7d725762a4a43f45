using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Data;

/// <summary>
/// The modules' <see cref="IModelContributor"/>s, carried in the context's options rather than its constructor: a
/// pooled context (reused between requests instead of built with its services for each) must take its options only.
/// </summary>
public sealed class ModelContributors(IReadOnlyList<IModelContributor> contributors) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IReadOnlyList<IModelContributor> Contributors => contributors;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>Adds (or replaces) the contributors in <paramref name="builder"/>.</summary>
    public static DbContextOptionsBuilder AddTo(DbContextOptionsBuilder builder, IEnumerable<IModelContributor> contributors)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModelContributors(contributors.ToList()));
        return builder;
    }

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Adds no services, so contexts with and without it share EF's internal service provider.</summary>
    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
