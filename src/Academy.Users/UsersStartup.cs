using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Privacy;
using Academy.Users.Data;
using Academy.Users.Recipes;
using Academy.Users.Services;
using Academy.Users.Services.Accounts;
using Academy.Users.Services.SignIn;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Academy.Users.Services.TwoFactor;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Academy.Users.Abstractions;
using Academy.Email.Abstractions;

namespace Academy.Users;

/// <summary>
/// Accounts (ASP.NET Core Identity on the shared database), roles with permissions, partner
/// organisations, their recipe steps, the login pages and the read-only user admin.
/// </summary>
public sealed class UsersStartup : ModuleStartup
{
    public const string CookieName = "academy.auth";
    public const string LoginPath = "/account/inloggen";
    public const string LogoutPath = "/account/uitloggen";
    public const string AccessDeniedPath = "/account/geen-toegang";

    public override int Order => -500;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<UsersModel>();
        services.AddModelContributor<OrganisationRegistrationModel>();
        services.AddModelContributor<SignInModel>();
        services.AddModelContributor<ProfileModel>();
        services.AddModelContributor<RegistrationModel>();
        services.AddDataMigration<UsersMigration>();
        services.AddPermissions<UsersPermissions>();
        services.AddSingleton<PermissionCatalog>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddScoped<IAccountProvisioning, AccountProvisioning>();
        services.AddScoped<IMailLinkResolver, SetPasswordLinkResolver>();
        services.AddSingleton<IAdminMenuProvider, UsersAdminMenu>();
        services.AddPublicMenu<UsersPublicMenu>();
        services.AddScoped<IUserLookup, UserLookup>();
        services.AddScoped<IAccountRecipients, AccountRecipients>();
        services.AddScoped<IAccountInvitations, AccountInvitations>();
        services.AddScoped<UserAudit>();
        services.AddScoped<UserAuditLog>();
        services.AddScoped<UserSearch>();
        services.AddScoped<UserAdministration>();
        services.AddModelContributor<UserAuditModel>();
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section));
        services.AddScoped<IMemberProfiles, MemberProfiles>();
        services.AddSingleton<MemberProfiles.Queries>();
        services.AddScoped<Academy.Search.Abstractions.ISearchDocumentSource, Services.Profiles.PeopleSearchSource>();
        services.AddScoped<Services.Profiles.ProfilePhotos>();
        services.AddScoped<Services.Privacy.PersonalDataService>();
        services.AddPersonalData<Services.Privacy.UsersPersonalData>();
        services.AddScoped<ISetupHandler, AdminSetupHandler>();
        services.AddScoped<ISetupHandler, RecipeUserInvitations>();

        services.AddRecipeStep<OrganisationsStep>();
        services.AddRecipeStep<RolesStep>();
        services.AddDefaultsStep<RolesDefaultsStep>();
        services.AddRecipeStep<UsersStep>();

        services.AddIdentity<AcademyUser, AcademyRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                // Sign-in counts these per login name and client address (LoginGuard), not per account: a stranger
                // cannot lock the owner out. Identity's own account lockout is left for administrators.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                options.User.RequireUniqueEmail = true;
                // A self-registered account signs in once confirmed and approved (RegistrationSignInGate); others always.
                options.SignIn.RequireConfirmedAccount = true;
                options.Tokens.EmailConfirmationTokenProvider = AccountTokenProvider.Name;
                options.Tokens.ChangeEmailTokenProvider = AccountTokenProvider.Name;
                options.SignIn.RequireConfirmedEmail = false;
            })
            .AddEntityFrameworkStores<AcademyDbContext>()
            .AddUserManager<AcademyUserManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<WeakPasswordValidator>()
            .AddTokenProvider<AccountTokenProvider>(AccountTokenProvider.Name)
            .AddClaimsPrincipalFactory<AcademyClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The cookie names a server-side session, checked on every request (logout ends copies too).
            options.EventsType = typeof(SessionCookieEvents);
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CachedTicketFormat.Install>();
        AccountProtectionOptions.Add(services, configuration);
        AddRegistration(services, configuration);
        services.AddScoped<UserSessions>();
        services.AddScoped<SessionCookieEvents>();
        services.AddScoped<LoginGuard>();

        // Password links (set-password for accounts made on someone's behalf) stay valid for a week, not a day.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));

        // The principal is rebuilt from the database this often, so role and permission changes take effect.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(5);
            options.OnRefreshingPrincipal = SessionCookieEvents.KeepSession;
        });

        // Per-client throttling of POST /account/inloggen (policy LoginThrottle.Policy), in front of LoginGuard.
        services.AddLoginThrottle(configuration);
    }

    /// <summary>Registering, confirming, approving, and the mailed password and e-mail links.</summary>
    private static void AddRegistration(IServiceCollection services, IConfiguration configuration)
    {
        AccountLinkOptions.Add(services, configuration);
        services.Replace(ServiceDescriptor.Scoped<IUserConfirmation<AcademyUser>, RegistrationSignInGate>());
        services.AddScoped<AccountMails>();
        services.AddScoped<AccountForms>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<Academy.Core.Privacy.IPersonalDataProvider, RegistrationPersonalData>();
        services.AddScoped<IMailLinkResolver, ConfirmRegistrationLinkResolver>();
        services.AddScoped<IMailLinkResolver, ResetPasswordLinkResolver>();
        services.AddScoped<IMailLinkResolver, ConfirmNewEmailLinkResolver>();
    }
    /// <summary>Staff without two-step verification set it up before any /admin page.</summary>
    public override void Configure(IApplicationBuilder app) => app.UseMiddleware<StaffTwoFactorRequirement>();

}

/// <summary>The Users module's entries in the back-office menu.</summary>
public sealed class UsersAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Gebruikers", "Users.UsersAdmin.Users", UsersPermissions.ManageMemberAccounts, 900),
        AdminMenuItem.ForRoute("Registraties", AccountRoutes.RegistrationsQueue, UsersPermissions.ApproveRegistrations, 905),
        AdminMenuItem.ForRoute("Organisaties", "Users.UsersAdmin.Organisations", UsersPermissions.ManageUsers, 910),
        AdminMenuItem.ForRoute("Logboek gebruikers", "Users.UsersAdmin.AuditLog", UsersPermissions.ManageUsers, 920),
    ];
}
