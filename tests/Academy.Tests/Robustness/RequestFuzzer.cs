using System.Net.Http.Headers;
using System.Text;

namespace Academy.Tests.Robustness;

/// <summary>One malformed request: a name for the report and how to build it with a valid antiforgery token.</summary>
public sealed record FuzzCase(string Name, Func<string, HttpRequestMessage> Build);

/// <summary>
/// Malformed variants of a form post (finding 6 of issue 9): broken keys, NUL bytes, too many or too long keys and
/// values, broken multipart bodies, wrong content types and charsets, invalid UTF-8, bad antiforgery tokens, weird
/// route values and query strings, and random values and submit commands for the form's real fields.
/// Deterministic: the same form and the same <see cref="Random"/> seed give the same requests.
/// </summary>
public sealed class RequestFuzzer(int seed)
{
    public const string TokenField = "__RequestVerificationToken";

    private static readonly string[] Palette =
    [
        "", " ", "\t", "-1", "0", "2147483648", "99999999999999999999999999", "1e309", "NaN", "-0,25", "1.5", "1,5",
        "31-02-2026", "2026-13-45", "00-00-0000", "9999-12-31", "25:00", "23:61", "true", "on", "null", "[]", "{}",
        "<script>alert(1)</script>", "' OR '1'='1' --", "\u202Eevil", "💩🎉", "e\u0301\u0301\u0301", "\uFFFD", "𝔘𝔫𝔦",
        "../../etc/passwd", "%00", "{{ 7*7 }}", "{% raw %}", "@ex@mple..nl", "a@b", "remove-session:0:99999",
        "remove-edition:-1", "add-session:2147483647", "javascript:alert(1)", "//evil.example/", "\\\\server\\share",
        "/\r\nSet-Cookie: x=1", "/leeragenda\u0085", "a\r\n\r\nb",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The fixed malformed cases plus <paramref name="randomCount"/> random mutations of the form's values.</summary>
    public IEnumerable<FuzzCase> Cases(string path, IReadOnlyList<KeyValuePair<string, string>> values,
        IReadOnlyList<KeyValuePair<string, string>> buttons, int randomCount)
    {
        var fields = values.Where(v => v.Key != TokenField).ToList();
        List<KeyValuePair<string, string>> With(string token, params (string Key, string Value)[] extra) =>
            [new(TokenField, token), .. fields, .. extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value))];
        string First(string fallback) => fields.Count > 0 ? fields[0].Key : fallback;

        yield return new("unclosed bracket", t => Form(path, With(t, ("a[b", "1"), ("Editions[0.Name", "x"), ("Sessions[", "1"))));
        yield return new("bracket keys", t => Form(path, With(t, ("[", "1"), ("]", "1"), ("[]", "1"), ("[[]]", "1"), ("a]", "1"), ("a[0][", "1"), (".", "1"), ("a..b", "1"))));
        yield return new("huge indexes", t => Form(path, With(t, ("Editions[99999999999].Name", "x"), ("Editions[-1].Capacity", "1"), ("Editions[2147483647].Sessions[2147483647].Date", "x"))));
        yield return new("deep nesting", t => Form(path, With(t, (string.Concat(Enumerable.Repeat("a[0].", 200)) + "b", "1"))));
        yield return new("NUL in a value", t => Form(path, With(t, (First("Naam"), "a\0b"))));
        yield return new("NUL in a key", t => Form(path, With(t, ("na\0am", "1"))));
        yield return new("control characters", t => Form(path, With(t, (First("Naam"), "a\u0001\u001b[31m\u000bb"))));
        yield return new("more than 1,024 values", t => Form(path, With(t, Enumerable.Range(0, 1100).Select(i => ($"v{i}", "1")).ToArray())));
        yield return new("key over 2,048 characters", t => Form(path, With(t, (new string('k', 2100), "1"))));
        yield return new("100 KB value", t => Form(path, With(t, fields.Select(f => (f.Key, new string('x', 100_000))).Take(3).Append(("x", new string('y', 100_000))).ToArray())));
        yield return new("repeated fields", t => Form(path, With(t, fields.SelectMany(f => new[] { (f.Key, "1"), (f.Key, "abc"), (f.Key, "") }).ToArray())));
        yield return new("empty multipart", t => Raw(path, "multipart/form-data; boundary=grens", []));
        yield return new("multipart without boundary", t => Raw(path, "multipart/form-data", Encoding.UTF8.GetBytes($"--grens\r\n")));
        yield return new("truncated multipart", t => Raw(path, "multipart/form-data; boundary=grens",
            Encoding.UTF8.GetBytes($"--grens\r\nContent-Disposition: form-data; name=\"{TokenField}\"\r\n\r\n{t}\r\n--grens\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nwaarde")));
        yield return new("multipart with a file", t => Multipart(path, With(t)));
        yield return new("json body", t => Raw(path, "application/json", Encoding.UTF8.GetBytes("{\"Email\": [1, {\"$type\": \"x\"}], \"__proto__\": null}")));
        yield return new("text/plain body", t => Raw(path, "text/plain", Encoding.UTF8.GetBytes(Encode(With(t)))));
        yield return new("xml body", t => Raw(path, "application/xml", Encoding.UTF8.GetBytes("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")));
        yield return new("no content type", t => Raw(path, null, Encoding.UTF8.GetBytes(Encode(With(t)))));
        yield return new("empty form", t => Raw(path, "application/x-www-form-urlencoded", []));
        yield return new("invalid UTF-8, encoded", t => Raw(path, "application/x-www-form-urlencoded",
            Encoding.ASCII.GetBytes($"{TokenField}={Uri.EscapeDataString(t)}&{Uri.EscapeDataString(First("a"))}=%FF%FE%C3%28%ED%A0%80&%C0%AF=1")));
        yield return new("invalid UTF-8, raw", t => Raw(path, "application/x-www-form-urlencoded",
            [.. Encoding.ASCII.GetBytes($"{TokenField}={Uri.EscapeDataString(t)}&{Uri.EscapeDataString(First("a"))}="), 0xFF, 0xFE, 0xC3, 0x28, 0x80]));
        yield return new("unknown charset", t => Raw(path, "application/x-www-form-urlencoded; charset=klingon", Encoding.UTF8.GetBytes(Encode(With(t)))));
        yield return new("UTF-7 charset", t => Raw(path, "application/x-www-form-urlencoded; charset=utf-7", Encoding.UTF8.GetBytes(Encode(With(t)) + "&a=+ADw-script+AD4-")));
        yield return new("UTF-16 charset", t => Raw(path, "application/x-www-form-urlencoded; charset=utf-16", Encoding.Unicode.GetBytes(Encode(With(t)))));
        yield return new("bad percent escapes", t => Raw(path, "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes($"{TokenField}={Uri.EscapeDataString(t)}&a=%zz&%=1&b=%&&&=&==")));
        yield return new("no token", _ => Form(path, fields));
        yield return new("wrong token", _ => Form(path, [new(TokenField, "CfDJ8-onzin"), .. fields]));
        yield return new("two tokens", t => Form(path, [new(TokenField, t), new(TokenField, "CfDJ8-onzin"), .. fields]));
        yield return new("huge token", _ => Form(path, [new(TokenField, new string('A', 50_000)), .. fields]));
        yield return new("token with NUL", t => Form(path, [new(TokenField, t + "\0"), .. fields]));
        yield return new("broken query", t => Form(path + "?a[b=1&Editions[0.Name=x&%=&q=%FF", With(t)));
        yield return new("NUL in the query", t => Form(path + "?q=%00", With(t)));
        yield return new("line breaks in the query", t => Form(path + "?returnUrl=/%0d%0aSet-Cookie:x=1&ReturnUrl=/%0aa", With(t, ("ReturnUrl", "/\r\nLocation: //evil.example/"))));
        foreach (var (name, segment) in RouteValues)
        {
            yield return new("route value: " + name, t => Form(ReplaceLastId(path, segment), With(t)));
        }
        for (var i = 0; i < randomCount; i++)
        {
            var mutated = Mutate(fields, buttons);
            yield return new("random values", t => Form(path, [new(TokenField, t), .. mutated]));
        }
    }

    private static readonly (string Name, string Segment)[] RouteValues =
    [
        ("control character", "%01"), ("very long", new string('9', 3000)), ("negative", "-1"), ("overflow", "99999999999999999999999"),
        ("unicode", "%F0%9F%92%A9"), ("encoded slash", "a%2Fb"), ("dot dot", "%2E%2E"),
    ];

    /// <summary>The form's values with random ones from the palette, fields dropped or repeated, and a random submit command.</summary>
    private List<KeyValuePair<string, string>> Mutate(List<KeyValuePair<string, string>> fields, IReadOnlyList<KeyValuePair<string, string>> buttons)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            var roll = _random.Next(10);
            if (roll == 0)
            {
                continue;
            }
            var value = roll < 5 ? Palette[_random.Next(Palette.Length)] : roll < 7 ? field.Value + Palette[_random.Next(Palette.Length)] : field.Value;
            result.Add(new(field.Key, value));
            if (roll == 9)
            {
                result.Add(new(field.Key, Palette[_random.Next(Palette.Length)]));
            }
        }
        if (buttons.Count > 0)
        {
            var button = buttons[_random.Next(buttons.Count)];
            var value = _random.Next(3) == 0 ? button.Value + ":" + Palette[_random.Next(Palette.Length)] : button.Value;
            result.Add(new(button.Key, value));
        }
        return result;
    }

    /// <summary>Replaces the path's last segment that looks like an id (digits, a key or "onbekend") with <paramref name="segment"/>.</summary>
    private static string ReplaceLastId(string path, string segment)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i > 0; i--)
        {
            if (parts[i].Length > 0 && (parts[i].Any(char.IsDigit) || parts[i] == "onbekend" || parts[i].Length >= 20))
            {
                parts[i] = segment;
                return string.Join('/', parts);
            }
        }
        return path + "/" + segment;
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));

    private static HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> values) =>
        Raw(path, "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(Encode(values)));

    private static HttpRequestMessage Raw(string path, string? contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage Multipart(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        var content = new MultipartFormDataContent("grens");
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "bestand", "..\\..\\kwaad.png");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
