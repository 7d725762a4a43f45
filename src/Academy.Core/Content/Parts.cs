namespace Academy.Core.Content;

public sealed class TitlePart : ContentPart
{
    public string Title { get; set; } = "";
}

/// <summary>Markdown source; rendered and sanitised only on output.</summary>
public sealed class MarkdownBodyPart : ContentPart
{
    public string Markdown { get; set; } = "";
}

/// <summary>The item's slug, unique among items of listable types.</summary>
public sealed class AutoroutePart : ContentPart
{
    public string Path { get; set; } = "";
}

public sealed class TaxonomyPart : ContentPart
{
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

public sealed class TaxonomyTerm
{
    public string TermId { get; set; } = "";
    public string Name { get; set; } = "";
}
