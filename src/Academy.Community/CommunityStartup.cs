using Academy.Community.Controllers;
using Academy.Community.Migrations;
using Academy.Community.Models;
using Academy.Community.Recipes;
using Academy.Community.Services;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Community;

/// <summary>
/// The professionals' community under /community: groups (open, closed, hidden), topics with replies, the casuïstiek
/// privacy guard, per-item access enforced in the queries, the member directory at /community/leden, and the
/// moderators' page at /admin/community.
/// </summary>
public sealed class CommunityStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<CommunityModel>();
        services.AddDataMigration<CommunityMigration>();
        services.AddPermissions<CommunityPermissions>();
        services.AddRecipeStep<CommunityGroupsStep>();

        services.AddScoped<CommunityAccess>();
        services.AddScoped<GroupService>();
        services.AddScoped<PostRules>();
        services.AddScoped<Mentions>();
        services.AddScoped<TopicService>();
        services.AddScoped<TopicReads>();
        services.AddScoped<IPersonalDataProvider, CommunityPersonalData>();

        // Kennisbank (articles as content items) and files.
        services.AddModelContributor<KennisbankModel>();
        services.AddContentPart<KennisbankArticlePart>();
        services.AddContentPartDriver<KennisbankArticlePartDriver>();
        services.AddContentHandler<KennisbankContentHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<KennisbankAccess>();
        services.AddScoped<KennisbankReads>();
        services.AddScoped<CommunityFiles>();

        services.AddPublicMenu<CommunityPublicMenu>();
        services.AddSingleton<IAdminMenuProvider, CommunityAdminMenu>();
    }
}
