namespace Academy.Core.Content;

public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>What the type is for (e.g. "Offering", "Page", "Taxonomy"); modules select types by it.</summary>
    public string? Stereotype { get; set; }
    public ContentTypeSettings Settings { get; set; } = new();
    public List<string> Parts { get; set; } = [];
    public List<ContentFieldDefinition> Fields { get; set; } = [];
}

public sealed class ContentTypeSettings
{
    public bool Creatable { get; set; }
    public bool Draftable { get; set; }
    public bool Listable { get; set; }
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<ContentFieldDefinition> Fields { get; set; } = [];
}

public sealed class ContentFieldDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool Required { get; set; }
}
