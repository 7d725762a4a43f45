using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Academy.Benchmarks;

/// <summary>What the warm-up of one URL saw.</summary>
public sealed record WarmUp(int Requests, double FirstRequestMs, double MeanMs, int CacheHits, long Bytes, string? Failure);

/// <summary>Plain HttpClient work around the load runs: logging in and warming a URL up.</summary>
public sealed partial class SiteClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => _http;

    /// <summary>
    /// Logs in like a browser: GET /account/inloggen (antiforgery cookie + hidden token), POST Email/Password,
    /// and returns the Cookie header value to send (the auth cookie and the antiforgery cookie).
    /// </summary>
    public async Task<string> LogInAsync(string email, string password)
    {
        var loginUri = new Uri(baseAddress, "/account/inloggen");
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        using var form = await client.GetAsync(loginUri);
        var html = await form.Content.ReadAsStringAsync();
        if (form.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchmarkException($"GET {loginUri.AbsolutePath} answered {(int)form.StatusCode}; the login page is needed for the logged-in scenario.");
        }
        if (FormToken(html) is not { } token)
        {
            throw new BenchmarkException($"No __RequestVerificationToken found in the form of {loginUri.AbsolutePath}.");
        }

        using var post = await client.PostAsync(loginUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (post.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
        {
            var body = await post.Content.ReadAsStringAsync();
            var error = LoginError().Match(body) is { Success: true } e ? WebUtility.HtmlDecode(StripTags(e.Value)) : $"HTTP {(int)post.StatusCode}";
            throw new BenchmarkException($"Logging in as {email} failed: {error.Trim()}");
        }
        var header = cookies.GetCookieHeader(baseAddress);
        if (!header.Contains("academy.auth", StringComparison.Ordinal))
        {
            throw new BenchmarkException($"Logging in as {email} redirected to {post.Headers.Location} but set no auth cookie (cookies: {header}).");
        }

        // Prove the cookie works on its own, as wrk will send it.
        using var check = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "/account/uitloggen"));
        check.Headers.Add("Cookie", header);
        using var checkResponse = await _http.SendAsync(check);
        var checkBody = await checkResponse.Content.ReadAsStringAsync();
        if (!checkBody.Contains("ingelogd als", StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchmarkException($"After logging in, /account/uitloggen does not say who is logged in (HTTP {(int)checkResponse.StatusCode}); the cookie does not work.");
        }
        return header;
    }

    /// <summary>
    /// GETs a page as a logged-in user (Cookie header, no cookie container) and returns the antiforgery token of its
    /// first form, which is bound to that user, with the Cookie header updated by any Set-Cookie of the answer.
    /// Null when the page answers without a form.
    /// </summary>
    public static async Task<(string Token, string Cookie)?> FormTokenAsync(HttpClient http, Uri uri, string cookie)
    {
        var page = await FormPageAsync(http, uri, cookie);
        return page.Token is { } token ? (token, page.Cookie) : null;
    }

    /// <summary>
    /// Like <see cref="FormTokenAsync"/>, but also returns the page itself (to read a form's hidden fields);
    /// the token is null when the page has no form.
    /// </summary>
    public static async Task<(string Html, string? Token, string Cookie)> FormPageAsync(HttpClient http, Uri uri, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchmarkException($"GET {uri.PathAndQuery} answered {(int)response.StatusCode}{Snippet(html)}");
        }
        return (html, FormToken(html), MergeSetCookies(cookie, response));
    }

    /// <summary>The value of the first hidden __RequestVerificationToken input, or null.</summary>
    private static string? FormToken(string html)
    {
        var input = AntiforgeryInput().Match(html);
        return input.Success && ValueAttribute().Match(input.Value) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["value"].Value) : null;
    }

    /// <summary>A Cookie header with the name=value pairs of the response's Set-Cookie headers replacing or added to the old ones.</summary>
    private static string MergeSetCookies(string cookie, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return cookie;
        }
        var pairs = cookie.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        foreach (var set in setCookies)
        {
            var pair = set.Split(';', 2)[0].Split('=', 2);
            pairs[pair[0].Trim()] = pair.Length > 1 ? pair[1] : "";
        }
        return string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests (8 at a time) and checks every one answers 200. Counts responses with an
    /// Age header (served from ASP.NET Core's output cache).
    /// </summary>
    public async Task<WarmUp> WarmUpAsync(string pathAndQuery, string? cookie, int count)
    {
        var uri = new Uri(baseAddress, pathAndQuery);
        var first = Stopwatch.StartNew();
        var (status, bytes, cached, body) = await GetAsync(uri, cookie);
        first.Stop();
        if (status != HttpStatusCode.OK)
        {
            return new WarmUp(1, first.Elapsed.TotalMilliseconds, first.Elapsed.TotalMilliseconds, 0, bytes,
                $"HTTP {(int)status} {status}{Snippet(body)}");
        }

        var remaining = Math.Max(0, count - 1);
        var hits = 0;
        long totalTicks = 0;
        string? failure = null;
        var next = 0;
        var workers = Enumerable.Range(0, Math.Min(8, Math.Max(1, remaining))).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= remaining && Volatile.Read(ref failure) is null)
            {
                var watch = Stopwatch.StartNew();
                var (s, _, c, b) = await GetAsync(uri, cookie);
                Interlocked.Add(ref totalTicks, watch.ElapsedTicks);
                if (s != HttpStatusCode.OK)
                {
                    Interlocked.CompareExchange(ref failure, $"HTTP {(int)s} {s} during warm-up{Snippet(b)}", null);
                }
                if (c)
                {
                    Interlocked.Increment(ref hits);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var mean = remaining == 0 ? first.Elapsed.TotalMilliseconds : TimeSpan.FromTicks(totalTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalMilliseconds / remaining;
        return new WarmUp(count, first.Elapsed.TotalMilliseconds, mean, hits + (cached ? 1 : 0), bytes, failure);
    }

    private async Task<(HttpStatusCode Status, long Bytes, bool Cached, string Body)> GetAsync(Uri uri, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length, response.Headers.Age is not null, body);
    }

    private static string Snippet(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }
        var title = PageTitle().Match(body);
        var text = title.Success ? title.Groups[1].Value : StripTags(body);
        text = Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
        return text.Length == 0 ? "" : $" ({(text.Length > 160 ? text[..160] + "…" : text)})";
    }

    private static string StripTags(string html) => Regex.Replace(html, "<[^>]+>", " ");

    [GeneratedRegex("""<input\b[^>]*\bname="__RequestVerificationToken"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("\\bvalue=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("""<div class="utrecht-alert[^"]*"[\s\S]*?</div>""", RegexOptions.IgnoreCase)]
    private static partial Regex LoginError();

    [GeneratedRegex("<title>([^<]*)</title>", RegexOptions.IgnoreCase)]
    private static partial Regex PageTitle();

    public void Dispose() => _http.Dispose();
}
