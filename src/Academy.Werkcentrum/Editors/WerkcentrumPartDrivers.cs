using System.Globalization;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Users.Abstractions;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;

namespace Academy.Werkcentrum.Editors;

public sealed class WerkcentrumServicePartInput
{
    public string? Summary { get; set; }
    public List<string> Audiences { get; set; } = [];
    public List<string> ProviderIds { get; set; } = [];
    public string? Order { get; set; }
}

/// <summary>The editor of <see cref="WerkcentrumServicePart"/>: summary, audiences, providers and order.</summary>
public sealed class WerkcentrumServicePartDriver(IOrganisationDirectory organisations)
    : ContentPartDriver<WerkcentrumServicePart, WerkcentrumServicePartInput>
{
    public override int Position => 10;
    public override string EditorView => "~/Views/WerkcentrumParts/Service.cshtml";

    protected override WerkcentrumServicePartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<WerkcentrumServicePart>();
        return new() { Summary = part.Summary, Audiences = [.. part.Audiences], ProviderIds = [.. part.ProviderIds], Order = part.Order.ToString(CultureInfo.InvariantCulture) };
    }

    protected override void Normalize(WerkcentrumServicePartInput input)
    {
        input.Audiences ??= [];
        input.ProviderIds ??= [];
    }

    protected override Task UpdateAsync(WerkcentrumServicePartInput input, ContentItem item, FormErrors errors)
    {
        var part = item.As<WerkcentrumServicePart>();
        part.Summary = (input.Summary ?? "").Trim();
        part.Audiences = input.Audiences.Where(WerkcentrumAudiences.All.Contains).Distinct().ToList();
        if (part.Audiences.Count == 0)
        {
            errors.Add(nameof(input.Audiences), "Kies voor wie deze dienstverlening is.");
        }
        part.ProviderIds = input.ProviderIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        part.Order = WerkcentrumPartEditing.Order(input.Order, nameof(input.Order), errors);
        item.Apply(part);
        return Task.CompletedTask;
    }

    public override async Task PrepareAsync(PartEditor editor) =>
        editor.Options = (await organisations.ListAsync()).Where(o => o.Kind != "werkgever").OrderBy(o => o.Name).ToList();

    protected override IEnumerable<string> FieldOrder(WerkcentrumServicePartInput input) =>
        [nameof(input.Summary), nameof(input.Audiences), nameof(input.Order)];

    public override string TargetId(string field) => field == nameof(WerkcentrumServicePartInput.Audiences) ? "Audiences_0" : base.TargetId(field);
}

public sealed class NewsItemPartInput
{
    public string? Date { get; set; }
    public string? NewsSummary { get; set; }
}

/// <summary>The editor of <see cref="NewsItemPart"/>: date and summary.</summary>
public sealed class NewsItemPartDriver(TimeProvider clock) : ContentPartDriver<NewsItemPart, NewsItemPartInput>
{
    public override int Position => 10;
    public override string EditorView => "~/Views/WerkcentrumParts/News.cshtml";

    protected override NewsItemPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<NewsItemPart>();
        var date = isNew && part.Date.Length == 0 ? Academy.Core.Recipes.AmsterdamTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : part.Date;
        return new() { Date = date, NewsSummary = part.Summary };
    }

    protected override Task UpdateAsync(NewsItemPartInput input, ContentItem item, FormErrors errors)
    {
        var part = item.As<NewsItemPart>();
        if (OpeningHours.ParseDate(input.Date) is { } date)
        {
            part.Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            errors.Add(nameof(input.Date), "Vul de datum in als jjjj-mm-dd, bijvoorbeeld 2026-11-20.");
        }
        part.Summary = WerkcentrumPartEditing.RequiredText(input.NewsSummary, nameof(input.NewsSummary), "Vul een korte samenvatting in.", errors);
        item.Apply(part);
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(NewsItemPartInput input) => [nameof(input.Date), nameof(input.NewsSummary)];
}

public sealed class FaqItemPartInput
{
    public string? Group { get; set; }
    public string? FaqOrder { get; set; }
}

/// <summary>The editor of <see cref="FaqItemPart"/>: group and order.</summary>
public sealed class FaqItemPartDriver : ContentPartDriver<FaqItemPart, FaqItemPartInput>
{
    public override int Position => 10;
    public override string EditorView => "~/Views/WerkcentrumParts/Faq.cshtml";

    protected override FaqItemPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<FaqItemPart>();
        return new() { Group = part.Group, FaqOrder = part.Order.ToString(CultureInfo.InvariantCulture) };
    }

    protected override Task UpdateAsync(FaqItemPartInput input, ContentItem item, FormErrors errors)
    {
        var part = item.As<FaqItemPart>();
        part.Group = WerkcentrumPartEditing.RequiredText(input.Group, nameof(input.Group), "Vul de groep in, bijvoorbeeld 'Inlooppunten'.", errors);
        part.Order = WerkcentrumPartEditing.Order(input.FaqOrder, nameof(input.FaqOrder), errors);
        item.Apply(part);
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(FaqItemPartInput input) => [nameof(input.Group), nameof(input.FaqOrder)];
}

/// <summary>Parsing shared by the part editors.</summary>
internal static class WerkcentrumPartEditing
{
    public static string RequiredText(string? value, string field, string message, FormErrors errors) =>
        WalkInPointPartDriver.Required(value, field, message, errors);

    public static int Order(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) && order is >= -1000 and <= 1000)
        {
            return order;
        }
        errors.Add(field, "Vul de volgorde in als heel getal, bijvoorbeeld 10.");
        return 0;
    }
}
