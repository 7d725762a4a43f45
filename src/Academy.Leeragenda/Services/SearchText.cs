using System.Globalization;
using System.Text;

namespace Academy.Leeragenda.Services;

/// <summary>Lowercase and accent-free, so "casuïstiek" finds "Casuistiek" with a plain LIKE on both databases.</summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        var result = builder.ToString().Normalize(NormalizationForm.FormC);
        return result.Length > 3000 ? result[..3000] : result;
    }
}
