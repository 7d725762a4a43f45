using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Web.Controllers;

/// <summary>Error pages in the theme, for status codes re-executed by the pipeline.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    /// <summary>
    /// The status comes from the pipeline only: the status code pages' re-execution or the exception handler.
    /// Nothing of the request counts (a form field "code" once set it), and the action binds no parameters, so it
    /// never reads a form that could not be read the first time. Opened directly, the error page is not a page: 404.
    /// </summary>
    [Route("fout/{code:int}")]
    [OutputCache(NoStore = true)]
    public IActionResult Status()
    {
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : StatusCodes.Status404NotFound);
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
        return View(Response.StatusCode);
    }
}
