using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Academy.Community.Services;

/// <summary>HTML content written out once, for content a page writes many times (the antiforgery field of 50 forms).</summary>
public static class RenderedHtml
{
    public static HtmlString Of(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, encoder);
        return new HtmlString(writer.ToString());
    }
}
