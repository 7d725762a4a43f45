using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Academy.Core.Hosting;

/// <summary>
/// ASP.NET Core puts its developer exception page (stack trace, source, headers) in front of the pipeline in
/// Development. The site's own exception handler catches everything first; should the themed error page itself fail,
/// this filter answers instead of that page: a short Dutch 500 page without details (the exception is already logged).
/// </summary>
public sealed class NoDeveloperExceptionPage : IDeveloperPageExceptionFilter
{
    public const string Html =
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Er ging iets mis</title></head>" +
        "<body><h1>Er ging iets mis</h1><p>Er ging iets mis aan onze kant. Probeer het later opnieuw.</p>" +
        "<p><a href=\"/\">Naar de startpagina</a></p></body></html>";

    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var response = errorContext.HttpContext.Response;
        if (response.HasStarted)
        {
            return;
        }
        response.StatusCode = (int)HttpStatusCode.InternalServerError;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(Html);
    }
}
