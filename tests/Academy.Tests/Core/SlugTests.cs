using Academy.Core.Text;

namespace Academy.Tests.Core;

public class SlugTests
{
    [Theory]
    [InlineData("HARRIE-training voor werkgevers", "harrie-training-voor-werkgevers")]
    [InlineData("Casuïstiekbespreking: Werk & Inkomen", "casuistiekbespreking-werk-inkomen")]
    [InlineData("  Skills-based  hiring — CompetentNL ", "skills-based-hiring-competentnl")]
    [InlineData("Één café", "een-cafe")]
    [InlineData("!!!", "")]
    public void From_makes_lowercase_ascii_words_joined_by_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Fact]
    public void From_cuts_long_text_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Join(" ", Enumerable.Repeat("leeragenda", 30)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("harrie-training", true)]
    [InlineData("a1-b2", true)]
    [InlineData("Harrie", false)]
    [InlineData("harrie--training", false)]
    [InlineData("-harrie", false)]
    [InlineData("harrie/training", false)]
    [InlineData("", false)]
    public void IsValid_accepts_only_clean_slugs(string slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));
}
