namespace Academy.Core.Content;

public sealed class TextField : ContentField { public string? Text { get; set; } }

public sealed class NumericField : ContentField { public decimal? Value { get; set; } }

public sealed class DateField : ContentField { public DateTime? Value { get; set; } }

public sealed class BooleanField : ContentField { public bool Value { get; set; } }

public sealed class LinkField : ContentField
{
    public string? Url { get; set; }
    public string? Text { get; set; }
}

public sealed class ContentPickerField : ContentField { public List<string> ContentItemIds { get; set; } = []; }

public static class ContentFieldTypes
{
    public static readonly IReadOnlyDictionary<string, Type> All = new Dictionary<string, Type>
    {
        [nameof(TextField)] = typeof(TextField),
        [nameof(NumericField)] = typeof(NumericField),
        [nameof(DateField)] = typeof(DateField),
        [nameof(BooleanField)] = typeof(BooleanField),
        [nameof(LinkField)] = typeof(LinkField),
        [nameof(ContentPickerField)] = typeof(ContentPickerField),
    };
}
