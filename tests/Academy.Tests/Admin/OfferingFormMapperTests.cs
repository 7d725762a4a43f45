using Academy.Core.Content.Display;
using Academy.Core.Text;
using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Leeragenda.Editors;
using Academy.Leeragenda.Models;
using Academy.Leeragenda.ViewModels.Admin;
using Microsoft.Extensions.Localization;

namespace Academy.Tests.Admin;

/// <summary>Parsing what Dutch users type, and mapping validation keys to form fields (the offering form's fields and its parts' drivers).</summary>
public sealed class OfferingFormMapperTests
{
    [Theory]
    [InlineData("95,00", 95.00)]
    [InlineData("95", 95)]
    [InlineData("€ 95,50", 95.50)]
    [InlineData("1.250,75", 1250.75)]
    [InlineData("95.50", 95.50)]
    [InlineData("1.000", 1000)]
    [InlineData("12,-", 12)]
    [InlineData("-5", -5)]
    public void Parses_dutch_amounts(string text, double expected)
    {
        Assert.True(DutchInput.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e30")]
    [InlineData("9,5,5")]
    public void Rejects_what_is_not_an_amount(string text) => Assert.False(DutchInput.TryParseDecimal(text, out _));

    [Theory]
    [InlineData("15-09-2026", 2026, 9, 15)]
    [InlineData("5-9-2026", 2026, 9, 5)]
    [InlineData("15/09/2026", 2026, 9, 15)]
    [InlineData("2026-09-15", 2026, 9, 15)]
    public void Parses_dates(string text, int year, int month, int day)
    {
        Assert.True(DutchInput.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("32-13-2026")]
    [InlineData("29-02-2027")]
    [InlineData("01-01-0001")]
    [InlineData("morgen")]
    public void Rejects_impossible_dates(string text) => Assert.False(DutchInput.TryParseDate(text, out _));

    [Theory]
    [InlineData("09:30", 9, 30)]
    [InlineData("9:30", 9, 30)]
    [InlineData("9.30", 9, 30)]
    [InlineData("14", 14, 0)]
    public void Parses_times(string text, int hour, int minute)
    {
        Assert.True(DutchInput.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Fact]
    public void Local_times_become_utc_and_the_missing_spring_hour_is_refused()
    {
        Assert.True(DutchInput.TryToUtc(new DateOnly(2026, 7, 1), new TimeOnly(9, 30), out var summer));
        Assert.Equal(new DateTime(2026, 7, 1, 7, 30, 0, DateTimeKind.Utc), summer);
        Assert.True(DutchInput.TryToUtc(new DateOnly(2026, 12, 1), new TimeOnly(9, 30), out var winter));
        Assert.Equal(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), winter);
        Assert.False(DutchInput.TryToUtc(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), out _));
    }

    [Fact]
    public async Task Validation_keys_map_to_form_fields_skipping_blank_rows()
    {
        var type = new ContentTypeDefinition
        {
            Name = "Workshop",
            Parts = ["TitlePart", "AutoroutePart", "MarkdownBodyPart", "OfferingPart", "EditionsPart"],
            Fields = [new ContentFieldDefinition { Name = "Materiaal", Type = "LinkField", DisplayName = "Lesmateriaal" }],
        };
        var editions = new EditionsPartDriver(new PassThroughLocalizer<EditionsPartDriver>());
        var input = new EditionsPartInput
        {
            Editions =
            [
                new EditionInput { Sessions = [new SessionInput()] }, // blank: skipped
                new EditionInput
                {
                    Name = "G", Capacity = "3",
                    Sessions = [new SessionInput(), new SessionInput { Date = "01-10-2026", StartTime = "10:00", EndTime = "11:00" }],
                },
            ],
        };
        var item = new ContentItem { ContentItemId = "x", ContentType = "Workshop" };
        var errors = new FormErrors();
        await Update(editions, input, item, errors);
        var map = new OfferingFormMapper(new PassThroughLocalizer()).ApplyTo(new OfferingInput { Fields = [new FieldInput { Name = "Materiaal" }] }, item, type, errors);

        Assert.False(errors.Any);
        var edition = Assert.Single(item.As<EditionsPart>().Editions);
        Assert.Single(edition.Sessions);
        Assert.Equal(new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc), edition.Sessions[0].Start);
        Assert.Equal("Editions[1].Capacity", editions.FieldFor("EditionsPart.Editions[0].Capacity"));
        Assert.Equal("Editions[1].Sessions[1].EndTime", editions.FieldFor("EditionsPart.Editions[0].Sessions[0].End"));
        Assert.Equal("Editions[1].Sessions", editions.FieldFor("EditionsPart.Editions[0].Sessions"));
        Assert.Equal("Title", new TitlePartDriver(new PassThroughLocalizer<TitlePartDriver>()).FieldFor("TitlePart.Title"));
        Assert.Equal("Slug", new AutoroutePartDriver().FieldFor("AutoroutePart.Path"));
        Assert.Equal("Fields[0].Url", OfferingFormMapper.FieldFor("Workshop.Materiaal", type, map));
        Assert.Null(OfferingFormMapper.FieldFor("Iets.Anders", type, map));
        Assert.Null(editions.FieldFor("Iets.Anders"));
        Assert.Equal("Editions_1__Sessions_1__EndTime", FormNames.Id("Editions[1].Sessions[1].EndTime"));
    }

    [Fact]
    public async Task A_session_may_end_on_a_later_day_and_text_areas_get_lf_line_ends()
    {
        var type = new ContentTypeDefinition { Name = "ELearning", Parts = ["TitlePart", "MarkdownBodyPart", "OfferingPart", "EditionsPart"] };
        var item = new ContentItem { ContentItemId = "x", ContentType = type.Name };
        var errors = new FormErrors();
        var editions = new EditionsPartDriver(new PassThroughLocalizer<EditionsPartDriver>());
        var input = new EditionsPartInput
        {
            Editions =
            [
                new EditionInput
                {
                    Name = "Doorlopend", Capacity = "300",
                    Sessions = [new SessionInput { Date = "01-09-2026", StartTime = "00:00", EndDate = "31-12-2026", EndTime = "23:59" }],
                },
            ],
        };
        await Update(new TitlePartDriver(new PassThroughLocalizer<TitlePartDriver>()), new TitlePartInput { Title = "E-learning" }, item, errors);
        await Update(new MarkdownBodyPartDriver(), new MarkdownBodyPartInput { Markdown = "Regel 1\r\nRegel 2" }, item, errors);
        await Update(new OfferingSummaryDriver(), new OfferingSummaryInput { Summary = "Kort\r\nverhaal" }, item, errors);
        await Update(new OfferingPartDriver(null!, null!, new PassThroughLocalizer<OfferingPartDriver>()), new OfferingPartInput { Form = "online" }, item, errors);
        await Update(editions, input, item, errors);

        Assert.False(errors.Any);
        var session = item.As<EditionsPart>().Editions[0].Sessions[0];
        Assert.Equal(new DateTime(2026, 8, 31, 22, 0, 0, DateTimeKind.Utc), session.Start);
        Assert.Equal(new DateTime(2026, 12, 31, 22, 59, 0, DateTimeKind.Utc), session.End);
        Assert.Equal("Regel 1\nRegel 2", item.As<MarkdownBodyPart>().Markdown);
        Assert.Equal("Kort\nverhaal", item.As<OfferingPart>().Summary);
        Assert.Equal(OfferingForm.Online, item.As<OfferingPart>().Form);

        var back = ((EditionsPartInput)((IContentPartDriver)editions).Edit(item, type, isNew: false)).Editions![0].Sessions![0];
        Assert.Equal(("01-09-2026", "00:00", "23:59", "31-12-2026"), (back.Date, back.StartTime, back.EndTime, back.EndDate));

        input.Editions[0].Sessions![0].EndDate = "31-02-2026";
        errors = new FormErrors();
        await Update(editions, input, item, errors);
        Assert.True(errors.Has("Editions[0].Sessions[0].EndDate"));
    }

    /// <summary>What the offering editor does with a part's posted input: the driver validates it and writes it into the item.</summary>
    private static Task Update(IContentPartDriver driver, object input, ContentItem item, FormErrors errors) =>
        driver.UpdateAsync(new PartEditor(driver, input, errors), item);

    private sealed class PassThroughLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class PassThroughLocalizer<T> : IStringLocalizer<T>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
