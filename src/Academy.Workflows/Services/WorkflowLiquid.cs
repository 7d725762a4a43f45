using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Text;
using Fluid;
using Fluid.Values;

namespace Academy.Workflows.Services;

/// <summary>A Liquid template or expression in a workflow property that cannot be read or run; the message is Dutch.</summary>
public sealed class WorkflowLiquidException(string message) : Exception(message);

/// <summary>
/// Liquid (Fluid) for workflow properties. Output is not HTML-encoded: it is an address, a date or text; a mail
/// body is rendered with <see cref="MarkdownTextEncoder"/>, so the values in it stay text inside its Markdown. Dutch date filters:
/// <c>datum</c> ("dinsdag 8 december 2026"), <c>tijd</c> ("09:30") and <c>datum_tijd</c>, in Europe/Amsterdam.
/// </summary>
public sealed class WorkflowLiquid : Academy.Workflows.Abstractions.IWorkflowLiquid
{
    private const int MaxCachedTemplates = 500;
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000, MaxRecursion = 20, CultureInfo = DutchFormat.Culture };
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    public WorkflowLiquid()
    {
        _options.Filters.AddFilter("datum", (input, _, _) => DateFilter(input, DutchFormat.Date));
        _options.Filters.AddFilter("tijd", (input, _, _) => DateFilter(input, DutchFormat.Time));
        _options.Filters.AddFilter("datum_tijd", (input, _, _) => DateFilter(input, utc => $"{DutchFormat.Date(utc)} om {DutchFormat.Time(utc)}"));
    }

    /// <summary>The Dutch syntax error of a template, or null when it parses.</summary>
    public string? SyntaxError(string? template) =>
        string.IsNullOrEmpty(template) || _parser.TryParse(template, out _, out _) ? null : "de Liquid-opmaak is ongeldig.";

    /// <param name="encoder">How output values are written; null: as they are.</param>
    public async Task<string> RenderAsync(string? template, IReadOnlyDictionary<string, object?> model, System.Text.Encodings.Web.TextEncoder? encoder = null)
    {
        if (string.IsNullOrEmpty(template))
        {
            return "";
        }
        var context = new TemplateContext(_options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }
        try
        {
            return await Parse(template).RenderAsync(context, encoder ?? NullEncoder.Default);
        }
        catch (InvalidOperationException ex)
        {
            throw new WorkflowLiquidException($"De Liquid-sjabloon kon niet worden uitgevoerd: {ex.Message}");
        }
    }

    /// <summary>Evaluates a Liquid condition such as <c>Variables.Status == "Confirmed"</c>.</summary>
    public async Task<bool> EvaluateAsync(string? expression, IReadOnlyDictionary<string, object?> model)
    {
        var trimmed = expression?.Trim() ?? "";
        if (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..^2].Trim();
        }
        if (trimmed.Length == 0)
        {
            throw new WorkflowLiquidException("De voorwaarde is leeg.");
        }
        return await RenderAsync($"{{% if {trimmed} %}}true{{% else %}}false{{% endif %}}", model) == "true";
    }

    private IFluidTemplate Parse(string template)
    {
        if (_templates.TryGetValue(template, out var cached))
        {
            return cached;
        }
        if (!_parser.TryParse(template, out var parsed, out var error))
        {
            throw new WorkflowLiquidException($"De Liquid-opmaak is ongeldig: {error}");
        }
        if (_templates.Count >= MaxCachedTemplates)
        {
            _templates.Clear();
        }
        _templates[template] = parsed;
        return parsed;
    }

    private static ValueTask<FluidValue> DateFilter(FluidValue input, Func<DateTime, string> format)
    {
        DateTime? utc = input.ToObjectValue() switch
        {
            DateTimeOffset offset => offset.UtcDateTime,
            DateTime date => date.ToUniversalTime(),
            _ when DateTime.TryParse(input.ToStringValue(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            _ => null,
        };
        return new ValueTask<FluidValue>(utc is { } value ? new StringValue(format(DateTime.SpecifyKind(value, DateTimeKind.Utc))) : input);
    }

    /// <summary>JSON as Liquid reads it: objects become dictionaries, arrays lists, values strings, numbers or booleans.</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.TryGetValue<decimal>(out var d) ? d : value.GetValue<double>(),
            JsonValueKind.Null => null,
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };
}
