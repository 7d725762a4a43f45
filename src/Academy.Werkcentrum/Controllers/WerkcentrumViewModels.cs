using Academy.Core.Content;
using Academy.Werkcentrum.Services;

namespace Academy.Werkcentrum.Controllers;

public sealed record LandingViewModel(string Title, string? IntroHtml, IReadOnlyList<string> Places, string? Place,
    IReadOnlyList<WalkInPointView> WalkInPoints, IReadOnlyList<NewsView> News);

public sealed record ServiceView(ContentItem Item, string Title, string Summary, string BodyHtml, IReadOnlyList<string> Providers);

public sealed record AudienceViewModel(string Audience, string Name, string Intro, IReadOnlyList<ServiceView> Services);

public sealed record WalkInPointListViewModel(IReadOnlyList<string> Places, string? Place, IReadOnlyList<WalkInPointView> WalkInPoints);

public sealed record WalkInPointDetailViewModel(WalkInPointView Point, string BodyHtml, IReadOnlyList<DayHours> Week,
    IReadOnlyList<DayHours> ExceptionsAhead, string JsonLd);

public sealed record NewsListViewModel(IReadOnlyList<NewsView> Items, int Page, int PageCount);

public sealed record NewsDetailViewModel(NewsView Item, string BodyHtml);

public sealed record FaqGroup(string Name, string Id, IReadOnlyList<(string Question, string AnswerHtml)> Questions);
