using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Academy.Core.Hosting;

/// <summary>
/// Malformed requests get a 400 (or the status Kestrel chose, e.g. 413) and the themed error page, never a 500:
/// a form that cannot be read (unclosed multipart, too many values, too long keys or values), control characters
/// such as NUL in the path, query or form (no field needs them; PostgreSQL cannot store NUL and response headers
/// refuse them), and the bad-input exceptions model binding and antiforgery throw further down.
/// </summary>
public sealed class BadRequestHandling(RequestDelegate next, ILogger<BadRequestHandling> logger)
{
    /// <summary>The status for an exception caused by the request rather than by the site; null for a real failure.</summary>
    public static int? StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or ValueProviderException or AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page itself (status code re-execution, exception handler) must render even for a rejected request.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }
        var (status, reason) = await CheckAsync(context);
        if (status is not null)
        {
            Reject(context, status.Value, reason);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (StatusFor(exception) is { } code && !context.Response.HasStarted)
        {
            Reject(context, code, exception.Message);
        }
    }

    /// <summary>
    /// Reads the form once, here, after routing (so an endpoint's [RequestFormLimits] apply); later readers
    /// (antiforgery, model binding) get the parsed form from the request's form feature.
    /// </summary>
    private static async Task<(int? Status, string Reason)> CheckAsync(HttpContext context)
    {
        var request = context.Request;
        // No link or GET form sends line breaks; in a value that ends up in a redirect they would split the headers.
        if (HasControlCharacter(request.Path.Value, lineBreaks: false) || request.Query.Any(q => HasControlCharacter(q, lineBreaks: false))
            || request.RouteValues.Any(v => v.Value is string s && HasControlCharacter(s, lineBreaks: false)))
        {
            return (StatusCodes.Status400BadRequest, "control character in path or query");
        }
        // MVC's jQuery-style key reading throws on a '[' without a closing ']' ("a[b=1").
        if (request.Query.Keys.Any(HasUnclosedBracket))
        {
            return (StatusCodes.Status400BadRequest, "unclosed bracket in a query key");
        }
        if (context.GetEndpoint() is null || !request.HasFormContentType)
        {
            return (null, "");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        // NotSupportedException: a charset .NET refuses (utf-7) in the form's content type.
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException or NotSupportedException)
        {
            return (StatusFor(exception) ?? StatusCodes.Status400BadRequest, exception.Message);
        }
        if (form.Keys.Any(HasUnclosedBracket))
        {
            return (StatusCodes.Status400BadRequest, "unclosed bracket in a form key");
        }
        return form.Any(f => HasControlCharacter(f, lineBreaks: true))
            || form.Files.Any(f => HasControlCharacter(f.Name, lineBreaks: false) || HasControlCharacter(f.FileName, lineBreaks: false))
            ? (StatusCodes.Status400BadRequest, "control character in form")
            : (null, "");
    }

    private void Reject(HttpContext context, int status, string reason)
    {
        logger.LogInformation("Malformed request {Method} {Path} answered with {Status}: {Reason}",
            context.Request.Method, context.Request.Path, status, reason);
        context.Response.Clear();
        // The status code pages middleware then re-executes the themed error page for this status.
        context.Response.StatusCode = status;
    }

    /// <summary>A '[' with no ']' after it (then the last '[' comes after the last ']').</summary>
    private static bool HasUnclosedBracket(string key) => key.LastIndexOf('[') > key.LastIndexOf(']');

    private static bool HasControlCharacter(KeyValuePair<string, StringValues> pair, bool lineBreaks) =>
        HasControlCharacter(pair.Key, lineBreaks: false) || pair.Value.Any(v => HasControlCharacter(v, lineBreaks));

    /// <summary>C0 control characters other than tab and, where allowed, line feed and carriage return (text areas send them).</summary>
    private static bool HasControlCharacter(string? value, bool lineBreaks)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (c < ' ' && c != '\t' && !(lineBreaks && (c is '\n' or '\r')))
            {
                return true;
            }
        }
        return false;
    }
}
