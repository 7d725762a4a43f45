using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Academy.Users.Services;

/// <summary>
/// Refuses passwords that are easy to guess even when long enough: one on the list of common and leaked passwords
/// that ships with the site (zxcvbn-ts's list, embedded at build time; no network at run time), also with digits or
/// signs around it or letters swapped for look-alikes (p@ssw0rd2024!); one character or a short pattern repeated; a
/// plain sequence; and the account's own e-mail address or name.
/// </summary>
public sealed class WeakPasswordValidator : IPasswordValidator<AcademyUser>
{
    private const string ListResource = "Academy.Users.CommonPasswords.json";

    /// <summary>Fewer distinct characters than this is too simple, whatever the length.</summary>
    private const int MinimumDistinct = 4;

    private static readonly DutchIdentityErrorDescriber Errors = new();

    private static readonly char[] Digits = "0123456789".ToCharArray();

    private static readonly Lazy<HashSet<string>> s_common = new(LoadList);

    /// <summary>Look-alike characters people put in place of letters.</summary>
    private static readonly Dictionary<char, char> s_lookAlikes = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b', ['9'] = 'g',
        ['@'] = 'a', ['$'] = 's', ['!'] = 'i', ['|'] = 'l', ['+'] = 't',
    };

    /// <summary>The number of passwords on the shipped list.</summary>
    public static int ListCount => s_common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AcademyUser> manager, AcademyUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule answers this one
        }
        var lower = password.ToLowerInvariant();
        var error = IsTooSimple(lower) ? Errors.PasswordTooSimple()
            : IsPersonal(lower, user) ? Errors.PasswordIsPersonal()
            : IsCommon(lower) ? Errors.PasswordTooCommon()
            : null;
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    public static bool IsCommon(string lower)
    {
        var list = s_common.Value;
        var core = Core(lower);
        foreach (var candidate in new[] { lower, core, LookAlikesToLetters(lower), LookAlikesToLetters(core), RepeatedUnit(core) })
        {
            if (candidate.Length > 0 && list.Contains(candidate))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsTooSimple(string lower)
    {
        if (lower.Length < 2 || lower.Distinct().Count() < MinimumDistinct)
        {
            return true;
        }
        var unit = RepeatedUnit(lower);
        if (unit.Length > 0 && unit.Length <= MinimumDistinct)
        {
            return true;
        }
        // abcdefghijkl, 987654321098 (a wrap from 0 to 9 or 9 to 0 counts as a step).
        var step = Step(lower[0], lower[1]);
        return step is 1 or -1 && Enumerable.Range(1, lower.Length - 1).All(i => Step(lower[i - 1], lower[i]) == step);
    }

    /// <summary>
    /// The e-mail address anywhere in the password, or the whole password being the user name, the part of the
    /// address before the @ or the name, give or take digits before and after (jan.jansen2024).
    /// </summary>
    public static bool IsPersonal(string lower, AcademyUser user)
    {
        var password = LettersAndDigits(lower);
        var email = LettersAndDigits(user.Email?.ToLowerInvariant());
        if (email.Length > 0 && password.Contains(email, StringComparison.Ordinal))
        {
            return true;
        }
        var core = password.Trim(Digits);
        return new[] { user.Email, user.UserName, user.Email?.Split('@')[0], user.UserName?.Split('@')[0], user.DisplayName }
            .Select(w => LettersAndDigits(w?.ToLowerInvariant()).Trim(Digits))
            .Any(w => w.Length >= 3 && w == core);
    }

    /// <summary>The password without the digits and signs before and after its letters: wachtwoord123! → wachtwoord.</summary>
    private static string Core(string lower)
    {
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }
        while (end > start && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }
        return lower[start..end];
    }

    private static string LookAlikesToLetters(string lower)
    {
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            builder.Append(s_lookAlikes.GetValueOrDefault(c, c));
        }
        return Core(builder.ToString());
    }

    /// <summary>The shortest part that the whole text repeats (welkomwelkom → welkom), or "" if it is no repetition.</summary>
    private static string RepeatedUnit(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && text.AsSpan(0, text.Length - length).SequenceEqual(text.AsSpan(length)))
            {
                return text[..length];
            }
        }
        return "";
    }

    private static int Step(char previous, char next) => (previous, next) switch
    {
        ('9', '0') => 1,
        ('0', '9') => -1,
        _ => next - previous,
    };

    private static string LettersAndDigits(string? text) =>
        text is null ? "" : string.Concat(text.Where(char.IsLetterOrDigit));

    private static HashSet<string> LoadList()
    {
        using var stream = typeof(WeakPasswordValidator).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidOperationException($"The password list {ListResource} is not embedded (run npm ci before building).");
        var words = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return new HashSet<string>(words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
    }
}
