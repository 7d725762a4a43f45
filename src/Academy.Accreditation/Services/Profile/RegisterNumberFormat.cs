using Academy.Accreditation.Models;

namespace Academy.Accreditation.Services.Profile;

/// <summary>The outcome of reading a typed register number: the normalised number, or why it is not one.</summary>
public sealed record RegisterNumberCheck(string? Number, string? Error)
{
    public bool IsValid => Error is null;

    /// <summary>Nothing was typed (valid: the person has no number in this register).</summary>
    public bool IsEmpty => Error is null && Number is null;
}

/// <summary>
/// Register numbers as registers print them: the register's prefix followed by exactly its number of digits
/// ("RP123456"). People type them in many ways ("rp 123.456", "123456"); this accepts those and stores one form.
/// Shared by the profile form and the exports, so a number is checked the same way everywhere.
/// </summary>
public static class RegisterNumberFormat
{
    /// <summary>Trims, drops spaces, dots and dashes, and upper-cases (prefixes are letters, the rest digits).</summary>
    public static string Clean(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '‐' or '–')).ToArray()).ToUpperInvariant();

    /// <summary>"RP123456": the prefix followed by 1, 2, 3 … as many digits as the register uses.</summary>
    public static string Example(string prefix, int digits) =>
        prefix.ToUpperInvariant() + string.Concat(Enumerable.Range(1, digits).Select(i => (char)('0' + i % 10)));

    public static string Example(RegisterRecord register) => Example(register.Prefix, register.Digits);

    /// <summary>"Een nummer in Registerplein bestaat uit RP en 6 cijfers, bijvoorbeeld RP123456."</summary>
    public static string Hint(RegisterRecord register) => register.Prefix.Length == 0
        ? $"Een nummer in {register.Name} bestaat uit {register.Digits} cijfers, bijvoorbeeld {Example(register)}."
        : $"Een nummer in {register.Name} bestaat uit {register.Prefix.ToUpperInvariant()} en {register.Digits} cijfers, bijvoorbeeld {Example(register)}.";

    /// <summary>
    /// Reads <paramref name="input"/> as a number in <paramref name="register"/>. Empty input is valid and gives no number.
    /// The prefix may be left out ("123456" for RP gives "RP123456").
    /// </summary>
    public static RegisterNumberCheck Check(RegisterRecord register, string? input)
    {
        var cleaned = Clean(input);
        if (cleaned.Length == 0)
        {
            return new RegisterNumberCheck(null, null);
        }
        var prefix = register.Prefix.ToUpperInvariant();
        var rest = cleaned.StartsWith(prefix, StringComparison.Ordinal) ? cleaned[prefix.Length..] : cleaned;
        string? problem = null;
        if (rest.Length > 0 && char.IsAsciiLetter(rest[0]))
        {
            // Letters in front that are not this register's prefix: most likely a number of another register.
            problem = prefix.Length == 0 ? "Het nummer mag alleen cijfers bevatten." : $"Het nummer begint niet met {prefix}.";
        }
        else if (!rest.All(char.IsAsciiDigit))
        {
            problem = prefix.Length == 0 ? "Het nummer mag alleen cijfers bevatten." : $"Na {prefix} mag het nummer alleen cijfers bevatten.";
        }
        else if (rest.Length != register.Digits)
        {
            problem = rest.Length == 1 ? "Het nummer heeft 1 cijfer." : $"Het nummer heeft {rest.Length} cijfers.";
        }
        return problem is null
            ? new RegisterNumberCheck(prefix + rest, null)
            : new RegisterNumberCheck(null, $"{problem} {Hint(register)}");
    }

    /// <summary>Whether <paramref name="number"/> is already in the stored form for <paramref name="register"/>.</summary>
    public static bool IsNormalised(RegisterRecord register, string? number) =>
        number is { Length: > 0 } && Check(register, number).Number == number;
}
