using Academy.Community.Controllers;
using Academy.Community.Migrations;
using Academy.Community.Models;
using Academy.Community.Recipes;
using Academy.Community.Services;
using Academy.Community.Services.Notifications;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Privacy;
using Academy.Search.Abstractions;
using Academy.Core.Background;
using Academy.Enrolment.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Community;

/// <summary>
/// The professionals' community under /community: groups (open, closed, hidden), topics with replies, the casuïstiek
/// privacy guard, per-item access enforced in the queries, the member directory at /community/leden, and the
/// moderators' page at /admin/community, moderation (reports, the queue, hide and restore, approving first posts,
/// the posting limit) and notifications ("Mijn meldingen" at /community/meldingen, mail at once or daily/weekly
/// digests, signed unsubscribe links).
/// </summary>
public sealed class CommunityStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<CommunityModel>();
        services.AddModelContributor<ModerationModel>();
        services.AddDataMigration<CommunityMigration>();
        services.AddPermissions<CommunityPermissions>();
        services.AddRecipeStep<CommunityGroupsStep>();

        services.AddScoped<CommunityAccess>();
        services.AddSingleton<CommunityQueries>();
        services.AddSingleton<TopicPostCache>();
        services.AddSingleton<PostFragmentCache>();
        services.AddSingleton<TopicPaths>();
        services.AddScoped<GroupService>();
        services.AddScoped<PostRules>();
        services.AddScoped<Mentions>();
        services.AddScoped<TopicService>();
        services.AddScoped<TopicReads>();
        services.AddScoped<IPersonalDataProvider, CommunityPersonalData>();
        services.AddScoped<ISearchDocumentSource, GroupSearchSource>();
        services.AddScoped<ISearchDocumentSource, TopicSearchSource>();
        services.AddScoped<ISearchDocumentSource, KennisbankSearchSource>();
        services.AddScoped<ISearchDocumentSource, CommunityFileSearchSource>();
        services.AddScoped<ISearchAccessKeys, CommunitySearchAccessKeys>();
        services.Configure<CommunityPostingOptions>(configuration.GetSection(CommunityPostingOptions.Section));
        services.AddScoped<PostGate>();
        services.AddScoped<ModerationService>();
        services.AddScoped<ModerationReads>();

        // Notifications (issue 13, point 9): fan-out from the outbox, "Mijn meldingen", mail at once or in digests, unsubscribe.
        services.AddModelContributor<CommunityNotificationModel>();
        services.AddScoped<NotificationAudience>();
        services.AddScoped<NotificationMails>();
        services.AddScoped<NotificationDigests>();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<IDomainEventHandler, NotificationFanOut>();
        services.AddScoped<IJobHandler, NotificationDigestJob>();
        services.AddScoped<IPersonalDataProvider, NotificationPersonalData>();

        // The link with the leeragenda: edition groups kept in step by enrolment events, alumni, group themes.
        services.Configure<CommunityOptions>(configuration.GetSection(CommunityOptions.Section));
        services.AddModelContributor<LinkedGroupsModel>();
        services.AddScoped<GroupThemes>();
        services.AddScoped<EditionGroups>();
        services.AddSingleton<OfferingTypeMemory>();
        services.AddScoped<AlumniOffer>();
        services.AddDomainEventHandler<EditionGroupEvents>();
        services.AddScoped<IEnrolmentLinks, CommunityEnrolmentLinks>();

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
