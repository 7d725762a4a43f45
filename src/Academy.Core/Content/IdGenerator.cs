using System.Security.Cryptography;

namespace Academy.Core.Content;

/// <summary>26-character lowercase ids, random enough to be unguessable and URL-safe.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId() => string.Create(26, 0, static (span, _) =>
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[bytes[i] & 31];
        }
    });
}
