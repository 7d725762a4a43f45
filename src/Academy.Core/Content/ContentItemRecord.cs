namespace Academy.Core.Content;

/// <summary>One stored version of a content item: the document plus the flags every query needs.</summary>
public class ContentItemRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string Content { get; set; } = "{}";
}

/// <summary>A stored content type or content part definition (JSON).</summary>
public class ContentDefinitionRecord
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
}
