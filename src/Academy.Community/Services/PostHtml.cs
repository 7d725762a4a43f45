using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Academy.Community.Services;

/// <summary>The fixed texts of a topic page's post footers, localised and encoded once per page.</summary>
public sealed record PostFooterTexts(
    IHtmlContent Useful, IHtmlContent NotUseful, IHtmlContent Quote, IHtmlContent Edit, IHtmlContent Report,
    IHtmlContent Accept, IHtmlContent Unaccept, string UsefulCount);

/// <summary>
/// One post of a topic page as it goes out: its kept fragment (<see cref="PostFragmentCache"/>) and the viewer's own
/// footer (which buttons, pressed or not, the count). Written here rather than by Razor because it runs 50 times per
/// page on the busiest page, and Razor buffered some thirty pieces per post before sending them; this is one piece,
/// written straight to the response.
/// </summary>
/// <remarks>
/// The post's buttons ("nuttig", the accepted answer) belong to the page's one form <see cref="FormId"/> and name their
/// own address (<c>formaction</c>): one antiforgery field for the page instead of one per post, a sixth of the page.
/// </remarks>
public sealed class PostHtml(TopicPageModel page, PostView post, PostFragment fragment, bool accepted, PostFooterTexts texts)
    : IHtmlContent
{
    /// <summary>The id of the page's form with the antiforgery field, written by the view before the posts.</summary>
    public const string FormId = "berichtknoppen";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var topic = page.Topic;
        var rights = page.Context.Rights;
        var viewer = page.Context.Viewer;
        var id = post.ReplyId.ToString(CultureInfo.InvariantCulture);
        writer.Write(accepted ? "<li class=\"community-post community-post--accepted\" id=\"bericht-" : "<li class=\"community-post\" id=\"bericht-");
        writer.Write(id);
        writer.Write("\">\n<article aria-labelledby=\"auteur-");
        writer.Write(id);
        writer.Write("\">\n");
        fragment.Content.WriteTo(writer, encoder);
        writer.Write("<footer class=\"utrecht-button-group community-post__actions\">\n<span>");
        encoder.Encode(writer, string.Format(CultureInfo.CurrentCulture, texts.UsefulCount, post.Useful));
        writer.Write("</span>\n");
        if (rights.Posts)
        {
            Button(writer, encoder, fragment.UsefulUrl, post.UsefulByViewer ? "\" aria-pressed=\"true\">" : "\" aria-pressed=\"false\">",
                post.UsefulByViewer ? texts.NotUseful : texts.Useful);
            if (!topic.IsClosed)
            {
                Link(writer, encoder, fragment.QuoteUrl, texts.Quote);
            }
            if (viewer.UserId == post.AuthorUserId || rights.Manages)
            {
                Link(writer, encoder, fragment.EditUrl, texts.Edit);
            }
            if (topic.IsQuestion && post.ReplyId != 0 && (viewer.UserId == topic.AuthorUserId || rights.Manages))
            {
                Button(writer, encoder, fragment.AcceptUrl, "\">", accepted ? texts.Unaccept : texts.Accept);
            }
        }
        if (viewer.SignedIn && viewer.UserId != post.AuthorUserId && post.Hold is null && topic.Hold is null)
        {
            Link(writer, encoder, fragment.ReportUrl, texts.Report);
        }
        writer.Write("</footer>\n</article>\n</li>\n");
    }

    /// <summary>A button of the page's form; <paramref name="buttonEnd"/> closes the button's class attribute and tag.</summary>
    private void Button(TextWriter writer, HtmlEncoder encoder, string action, string buttonEnd, IHtmlContent text)
    {
        writer.Write("<button type=\"submit\" form=\"" + FormId + "\" formaction=\"");
        encoder.Encode(writer, action);
        writer.Write("\" class=\"utrecht-button utrecht-button--subtle");
        writer.Write(buttonEnd);
        text.WriteTo(writer, encoder);
        fragment.HiddenAuthor.WriteTo(writer, encoder);
        writer.Write("</button>\n");
    }

    private void Link(TextWriter writer, HtmlEncoder encoder, string href, IHtmlContent text)
    {
        writer.Write("<a class=\"utrecht-link\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\">");
        text.WriteTo(writer, encoder);
        fragment.HiddenAuthor.WriteTo(writer, encoder);
        writer.Write("</a>\n");
    }
}
