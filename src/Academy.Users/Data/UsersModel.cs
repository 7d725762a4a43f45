using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>
/// Maps ASP.NET Core Identity onto the shared <see cref="AcademyDbContext"/>, as IdentityDbContext
/// (schema version 2) would: same tables, keys, lengths, indexes and relationships. The normalized
/// e-mail index is unique as well, because the site requires unique e-mail addresses. Plus the
/// Organisations table.
/// </summary>
public sealed class UsersModel : IModelContributor
{
    /// <summary>Identity's default for composite key parts (login provider, provider key, token name).</summary>
    private const int MaxKeyLength = 128;

    public static readonly string[] Tables =
    [
        "Organisations", "AspNetRoles", "AspNetUsers", "AspNetRoleClaims", "AspNetUserClaims",
        "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
    ];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<Organisation>(b =>
        {
            b.ToTable("Organisations");
            b.HasKey(o => o.Id);
            b.Property(o => o.Id).HasMaxLength(Organisation.IdMaxLength);
            b.Property(o => o.Name).HasMaxLength(200).IsRequired();
            b.Property(o => o.Kind).HasMaxLength(32).IsRequired();
            b.Property(o => o.Place).HasMaxLength(100);
            b.Property(o => o.EmailDomains).HasMaxLength(Services.EmailDomains.MaxStoredLength);
        });

        builder.Entity<AcademyUser>(b =>
        {
            b.ToTable("AspNetUsers");
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            b.HasIndex(u => u.OrganisationId);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.PhoneNumber).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            b.Property(u => u.OrganisationId).HasMaxLength(Organisation.IdMaxLength);

            b.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(uc => uc.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(ul => ul.UserId).IsRequired();
            b.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(ut => ut.UserId).IsRequired();
            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(ur => ur.UserId).IsRequired();
            b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<IdentityUserClaim<string>>(b =>
        {
            b.ToTable("AspNetUserClaims");
            b.HasKey(uc => uc.Id);
        });

        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.ToTable("AspNetUserLogins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(MaxKeyLength);
            b.Property(l => l.ProviderKey).HasMaxLength(MaxKeyLength);
        });

        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.ToTable("AspNetUserTokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(MaxKeyLength);
            b.Property(t => t.Name).HasMaxLength(MaxKeyLength);
        });

        builder.Entity<AcademyRole>(b =>
        {
            b.ToTable("AspNetRoles");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.Property(r => r.Description).HasMaxLength(1000).IsRequired();

            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });

        builder.Entity<IdentityRoleClaim<string>>(b =>
        {
            b.ToTable("AspNetRoleClaims");
            b.HasKey(rc => rc.Id);
        });

        builder.Entity<IdentityUserRole<string>>(b =>
        {
            b.ToTable("AspNetUserRoles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
    }
}

/// <summary>The Users module's schema history.</summary>
public sealed class UsersMigration : IDataMigration
{
    public const string ModuleName = "Academy.Users";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(UsersModel.Tables),
        s => s.CreateTables(OrganisationRegistrationModel.Table),
        // Server-side sessions (logout ends a copied cookie too) and login failures per account and client.
        s => s.CreateTables(SignInModel.Tables),
        // Profiles (function, bio, expertise themes, visibility, photo) beside the account.
        s => s.CreateTables(ProfileModel.Table),
        // Self-registration: organisations' e-mail domains, the registrations awaiting confirmation or approval, and
        // the permission to approve them for the Beheerder and Leercoördinator of existing sites.
        s => s.AddColumns("Organisations", nameof(Organisation.EmailDomains))
            .CreateTables(RegistrationModel.Table),
        // The audit log of access changes, and ManageMemberAccounts for the Beheerder and Leercoördinator roles.
        s => s.CreateTables(UserAuditModel.Table),
        s => s.InstallDefaults(ModuleName, typeof(UsersMigration).Assembly),
    ];
}
