using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Core.Security;

/// <summary>
/// MVC's cookie TempData, without the empty save: a page that only looks for a notice (most community pages do) made
/// MVC answer with a Set-Cookie deleting a TempData cookie the browser did not have. With nothing to keep and no such
/// cookie in the request there is nothing to delete, so nothing is sent; everything else is MVC's own provider.
/// </summary>
public sealed class QuietTempData(ITempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !HasTempDataCookie(context.Request.Cookies))
        {
            return;
        }
        inner.SaveTempData(context, values);
    }

    /// <summary>The cookie or one of its chunks (a large cookie is split into name + "C1", "C2", …).</summary>
    private bool HasTempDataCookie(IRequestCookieCollection cookies)
    {
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        foreach (var cookie in cookies.Keys)
        {
            if (cookie.StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Puts <see cref="QuietTempData"/> around MVC's cookie TempData provider.</summary>
    public static void Install(IServiceCollection services) =>
        Hosting.ServiceDecoration.Decorate<ITempDataProvider>(services, (provider, inner) =>
            new QuietTempData(inner, provider.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
}
