using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Profile;

namespace Academy.Tests.Accreditation.MyHours;

/// <summary>Register numbers: the forms people type are accepted and stored one way; wrong ones get a clear Dutch message.</summary>
public sealed class RegisterNumberFormatTests
{
    private static readonly RegisterRecord Registerplein = new() { Id = "registerplein", Name = "Registerplein (kwaliteitsregister sociaal domein)", Prefix = "RP", Digits = 6 };
    private static readonly RegisterRecord Skj = new() { Id = "skj", Name = "Kwaliteitsregister Jeugd (SKJ)", Prefix = "SKJ", Digits = 9 };
    private const string RegisterpleinHint = "Een nummer in Registerplein (kwaliteitsregister sociaal domein) bestaat uit RP en 6 cijfers, bijvoorbeeld RP123456.";

    [Theory]
    [InlineData("RP123456")]
    [InlineData("rp 123 456")]
    [InlineData("  Rp123456 ")]
    [InlineData("123456")]
    [InlineData("123 456")]
    [InlineData("RP-123.456")]
    [InlineData("rp\t12 34 56")]
    public void Accepts_the_ways_people_type_a_number_and_stores_one_form(string typed)
    {
        var check = RegisterNumberFormat.Check(Registerplein, typed);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal("RP123456", check.Number);
    }

    [Theory]
    [InlineData("skj 123 456 789")]
    [InlineData("123456789")]
    public void Works_for_other_prefixes_and_lengths(string typed) =>
        Assert.Equal("SKJ123456789", RegisterNumberFormat.Check(Skj, typed).Number);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - . ")]
    public void Nothing_typed_is_valid_and_means_no_number(string? typed)
    {
        var check = RegisterNumberFormat.Check(Registerplein, typed);

        Assert.True(check.IsEmpty);
        Assert.Null(check.Number);
    }

    [Theory]
    [InlineData("RP12345", "Het nummer heeft 5 cijfers.")]
    [InlineData("RP1234567", "Het nummer heeft 7 cijfers.")]
    [InlineData("1", "Het nummer heeft 1 cijfer.")]
    [InlineData("RP", "Het nummer heeft 0 cijfers.")]
    public void A_wrong_number_of_digits_says_how_many_and_what_is_expected(string typed, string problem)
    {
        var check = RegisterNumberFormat.Check(Registerplein, typed);

        Assert.False(check.IsValid);
        Assert.Null(check.Number);
        Assert.Equal($"{problem} {RegisterpleinHint}", check.Error);
    }

    [Theory]
    [InlineData("SKJ123456")]
    [InlineData("AB123456")]
    [InlineData("R123456")]
    public void Another_prefix_is_refused(string typed)
    {
        var check = RegisterNumberFormat.Check(Registerplein, typed);

        Assert.Null(check.Number);
        Assert.Equal($"Het nummer begint niet met RP. {RegisterpleinHint}", check.Error);
    }

    [Theory]
    [InlineData("RP12A456")]
    [InlineData("12345O")]
    [InlineData("RP123/456")]
    [InlineData("RP１２３４５６")]
    public void Letters_or_other_characters_among_the_digits_are_refused(string typed)
    {
        var check = RegisterNumberFormat.Check(Registerplein, typed);

        Assert.Null(check.Number);
        Assert.Equal($"Na RP mag het nummer alleen cijfers bevatten. {RegisterpleinHint}", check.Error);
    }

    [Fact]
    public void The_hint_and_example_follow_the_register()
    {
        Assert.Equal(RegisterpleinHint, RegisterNumberFormat.Hint(Registerplein));
        Assert.Equal("SKJ123456789", RegisterNumberFormat.Example(Skj));
        Assert.Equal("Een nummer in X bestaat uit 4 cijfers, bijvoorbeeld 1234.", RegisterNumberFormat.Hint(new RegisterRecord { Name = "X", Prefix = "", Digits = 4 }));
    }

    [Fact]
    public void A_register_without_prefix_takes_digits_only()
    {
        var register = new RegisterRecord { Name = "X", Prefix = "", Digits = 4 };

        Assert.Equal("1234", RegisterNumberFormat.Check(register, "12 34").Number);
        Assert.StartsWith("Het nummer mag alleen cijfers bevatten.", RegisterNumberFormat.Check(register, "AB1234").Error);
        Assert.True(RegisterNumberFormat.IsNormalised(register, "1234"));
        Assert.False(RegisterNumberFormat.IsNormalised(Registerplein, "rp123456"));
    }
}
