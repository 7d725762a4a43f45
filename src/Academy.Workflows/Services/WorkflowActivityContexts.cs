using System.Text.Json.Nodes;
using Academy.Core.Hosting;
using Academy.Core.Settings;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Models;
using Microsoft.Extensions.Options;

namespace Academy.Workflows.Services;

/// <summary>
/// The context an activity runs with: its properties (a copy of the cached definition's), the instance's input and
/// variables, and Liquid rendering over Input, Variables, Workflow, Site, BaseUrl and Signals.
/// </summary>
public sealed class WorkflowActivityContexts(WorkflowLiquid liquid, DocumentStore documents, IOptions<AcademyOptions> options, TimeProvider clock)
{
    public ActivityContext Create(WorkflowInstanceRecord instance, WorkflowDefinition definition, ActivityDefinition activity, JsonObject input, JsonObject variables, int executionCount)
    {
        Dictionary<string, object?>? site = null;
        async Task<IReadOnlyDictionary<string, object?>> ModelAsync()
        {
            site ??= SiteModel(await documents.GetSiteSettingsAsync());
            return LiquidModel(instance, definition, input, variables, site);
        }
        return new ActivityContext
        {
            WorkflowInstanceId = instance.Id,
            WorkflowTypeId = instance.WorkflowTypeId,
            WorkflowTypeVersion = instance.WorkflowTypeVersion,
            CorrelationId = instance.CorrelationId,
            ActivityId = activity.Id,
            // A copy: the definition is cached and shared, an activity must not change it for the next instance.
            Properties = (JsonObject)activity.Properties.DeepClone(),
            Input = input,
            Variables = variables,
            NowUtc = clock.GetUtcNow().UtcDateTime,
            RenderAsync = async template => await liquid.RenderAsync(template, await ModelAsync()),
            RenderMarkdownAsync = async template => await liquid.RenderAsync(template, await ModelAsync(), Academy.Core.Text.MarkdownTextEncoder.Instance),
            EvaluateAsync = async expression => await liquid.EvaluateAsync(expression, await ModelAsync()),
            ExecutionCount = executionCount,
        };
    }

    /// <summary>What Liquid in a workflow sees: Input, Variables, Workflow, Site, BaseUrl and Signals.</summary>
    private Dictionary<string, object?> LiquidModel(WorkflowInstanceRecord instance, WorkflowDefinition definition, JsonObject input, JsonObject variables, Dictionary<string, object?> site) => new()
    {
        ["Input"] = WorkflowLiquid.ToPlain(input),
        ["Variables"] = WorkflowLiquid.ToPlain(variables),
        ["Workflow"] = new Dictionary<string, object?>
        {
            ["Id"] = instance.WorkflowTypeId,
            ["Version"] = instance.WorkflowTypeVersion,
            ["Name"] = definition.Name,
            ["CorrelationId"] = instance.CorrelationId,
            ["InstanceId"] = instance.Id,
        },
        ["Site"] = site,
        ["BaseUrl"] = options.Value.PublicBaseUrl.TrimEnd('/'),
        ["Signals"] = definition.Activities.Where(a => a.Type == SignalEvent.TypeName)
            .Select(a => SignalEvent.SignalName(a.Properties)).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => (object?)SignalLinks.Reference(options.Value.PublicBaseUrl, instance.Id, s), StringComparer.Ordinal),
    };

    private static Dictionary<string, object?> SiteModel(SiteSettings settings) => new()
    {
        ["SiteName"] = settings.SiteName,
        ["RegionName"] = settings.RegionName,
        ["Tagline"] = settings.Tagline,
        ["ContactEmail"] = settings.ContactEmail,
    };
}
