using System.Text;
using System.Text.Encodings.Web;

namespace Academy.Core.Text;

/// <summary>
/// Makes a value that a person typed literal text inside Markdown: every ASCII punctuation character gets a
/// backslash (so no link, image, emphasis, heading, list or HTML can start in it), and a line break becomes a
/// Markdown hard break (so the lines stay but no new block can begin).
/// </summary>
public static class MarkdownEscaper
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length + 16);
        var lineBreak = false;
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                lineBreak = builder.Length > 0;
                continue;
            }
            if (lineBreak)
            {
                builder.Append("\\\n");
                lineBreak = false;
            }
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || c is ' ' or '\t')
            {
                builder.Append(c);
            }
            else if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }
        return builder.ToString();
    }
}

/// <summary>
/// A text encoder for Liquid (Fluid) templates that produce Markdown: the output of every <c>{{ value }}</c> is
/// escaped with <see cref="MarkdownEscaper"/>, while the template's own text stays Markdown.
/// </summary>
public sealed class MarkdownTextEncoder : TextEncoder
{
    public static readonly MarkdownTextEncoder Instance = new();

    private MarkdownTextEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 2;

    public override string Encode(string value) => MarkdownEscaper.Escape(value);

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount) =>
        output.Write(MarkdownEscaper.Escape(value.Substring(startIndex, characterCount)));

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        output.Write(MarkdownEscaper.Escape(new string(value, startIndex, characterCount)));

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var encoded = unicodeScalar is '\r' or '\n' ? "\\\n" : WillEncode(unicodeScalar) ? $"\\{(char)unicodeScalar}" : char.ConvertFromUtf32(unicodeScalar);
        if (encoded.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < encoded.Length; i++)
        {
            buffer[i] = encoded[i];
        }
        numberOfCharactersWritten = encoded.Length;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 128 && !char.IsAsciiLetterOrDigit((char)unicodeScalar) && unicodeScalar != ' ';
}
