using System.Globalization;
using System.Text;
using System.Xml;
using Academy.Core.Recipes;

namespace Academy.Werkcentrum.Services;

/// <summary>A news item in a feed: title, absolute link, date and summary.</summary>
public sealed record FeedEntry(string Id, string Title, string Url, DateOnly Date, DateTime UpdatedUtc, string Summary);

/// <summary>The news as RSS 2.0 and Atom 1.0, written with an XmlWriter so every text is escaped.</summary>
public static class NewsFeeds
{
    public const string RssType = "application/rss+xml";
    public const string AtomType = "application/atom+xml";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static string Rss(string title, string siteUrl, string selfUrl, string description, IReadOnlyList<FeedEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", siteUrl);
            xml.WriteElementString("description", description);
            xml.WriteElementString("language", "nl-NL");
            xml.WriteStartElement("atom", "link", AtomNs);
            xml.WriteAttributeString("href", selfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", RssType);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("link", entry.Url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(entry.Url);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Moment(entry.Date).ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Atom(string title, string siteUrl, string selfUrl, IReadOnlyList<FeedEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNs);
            xml.WriteElementString("title", AtomNs, title);
            xml.WriteElementString("id", AtomNs, selfUrl);
            Link(xml, siteUrl, "alternate", "text/html");
            Link(xml, selfUrl, "self", AtomType);
            var updated = entries.Count > 0 ? entries.Max(e => e.UpdatedUtc) : DateTime.UnixEpoch;
            xml.WriteElementString("updated", AtomNs, Iso(updated));
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, title);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNs);
                xml.WriteElementString("title", AtomNs, entry.Title);
                xml.WriteElementString("id", AtomNs, entry.Url);
                Link(xml, entry.Url, "alternate", "text/html");
                xml.WriteElementString("published", AtomNs, Iso(Moment(entry.Date).UtcDateTime));
                xml.WriteElementString("updated", AtomNs, Iso(entry.UpdatedUtc));
                xml.WriteElementString("summary", AtomNs, entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    /// <summary>Midnight of the news date in Amsterdam, as a moment.</summary>
    private static DateTimeOffset Moment(DateOnly date) =>
        new(DateTime.SpecifyKind(AmsterdamTime.ToUtc(date.ToDateTime(TimeOnly.MinValue)), DateTimeKind.Utc));

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
