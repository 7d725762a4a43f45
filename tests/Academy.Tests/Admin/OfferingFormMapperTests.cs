using Academy.Core.Content.Display;
using Academy.Core.Text;
using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Leeragenda.Models;
using Academy.Leeragenda.ViewModels.Admin;
using Microsoft.Extensions.Localization;

namespace Academy.Tests.Admin;

/// <summary>Parsing what Dutch users type, and mapping validation keys to form fields.</summary>
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
    public void Validation_keys_map_to_form_fields_skipping_blank_rows()
    {
        var type = new ContentTypeDefinition
        {
            Name = "Workshop",
            Parts = ["TitlePart", "AutoroutePart", "MarkdownBodyPart", "OfferingPart", "EditionsPart"],
            Fields = [new ContentFieldDefinition { Name = "Materiaal", Type = "LinkField", DisplayName = "Lesmateriaal" }],
        };
        var form = new OfferingInput
        {
            Title = "T",
            Form = "fysiek",
            Fields = [new FieldInput { Name = "Materiaal" }],
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
        var map = new OfferingFormMapper(new PassThroughLocalizer()).ApplyTo(form, item, type, errors);

        Assert.False(errors.Any);
        var edition = Assert.Single(item.As<EditionsPart>().Editions);
        Assert.Single(edition.Sessions);
        Assert.Equal(new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc), edition.Sessions[0].Start);
        Assert.Equal("Editions[1].Capacity", OfferingFormMapper.FieldFor("EditionsPart.Editions[0].Capacity", type, map));
        Assert.Equal("Editions[1].Sessions[1].EndTime", OfferingFormMapper.FieldFor("EditionsPart.Editions[0].Sessions[0].End", type, map));
        Assert.Equal("Editions[1].Sessions", OfferingFormMapper.FieldFor("EditionsPart.Editions[0].Sessions", type, map));
        Assert.Equal("Title", OfferingFormMapper.FieldFor("TitlePart.Title", type, map));
        Assert.Equal("Slug", OfferingFormMapper.FieldFor("AutoroutePart.Path", type, map));
        Assert.Equal("Fields[0].Url", OfferingFormMapper.FieldFor("Workshop.Materiaal", type, map));
        Assert.Null(OfferingFormMapper.FieldFor("Iets.Anders", type, map));
        Assert.Equal("Editions_1__Sessions_1__EndTime", FormNames.Id("Editions[1].Sessions[1].EndTime"));
    }

    [Fact]
    public void A_session_may_end_on_a_later_day_and_text_areas_get_lf_line_ends()
    {
        var type = new ContentTypeDefinition { Name = "ELearning", Parts = ["TitlePart", "MarkdownBodyPart", "OfferingPart", "EditionsPart"] };
        var form = new OfferingInput
        {
            Title = "E-learning",
            Form = "online",
            Markdown = "Regel 1\r\nRegel 2",
            Summary = "Kort\r\nverhaal",
            Editions =
            [
                new EditionInput
                {
                    Name = "Doorlopend", Capacity = "300",
                    Sessions = [new SessionInput { Date = "01-09-2026", StartTime = "00:00", EndDate = "31-12-2026", EndTime = "23:59" }],
                },
            ],
        };
        var item = new ContentItem { ContentItemId = "x", ContentType = type.Name };
        var errors = new FormErrors();
        new OfferingFormMapper(new PassThroughLocalizer()).ApplyTo(form, item, type, errors);

        Assert.False(errors.Any);
        var session = item.As<EditionsPart>().Editions[0].Sessions[0];
        Assert.Equal(new DateTime(2026, 8, 31, 22, 0, 0, DateTimeKind.Utc), session.Start);
        Assert.Equal(new DateTime(2026, 12, 31, 22, 59, 0, DateTimeKind.Utc), session.End);
        Assert.Equal("Regel 1\nRegel 2", item.As<MarkdownBodyPart>().Markdown);
        Assert.Equal("Kort\nverhaal", item.As<OfferingPart>().Summary);
        Assert.Equal(OfferingForm.Online, item.As<OfferingPart>().Form);

        var back = OfferingFormMapper.FromItem(item, type).Editions![0].Sessions![0];
        Assert.Equal(("01-09-2026", "00:00", "23:59", "31-12-2026"), (back.Date, back.StartTime, back.EndTime, back.EndDate));

        form.Editions[0].Sessions![0].EndDate = "31-02-2026";
        errors = new FormErrors();
        new OfferingFormMapper(new PassThroughLocalizer()).ApplyTo(form, item, type, errors);
        Assert.True(errors.Has("Editions[0].Sessions[0].EndDate"));
    }

    private sealed class PassThroughLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
