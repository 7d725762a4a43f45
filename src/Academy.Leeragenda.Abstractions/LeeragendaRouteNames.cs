namespace Academy.Leeragenda.Abstractions;

/// <summary>The Leeragenda's named routes, so other modules and the views link to them without writing their URLs.</summary>
public static class LeeragendaRouteNames
{
    public const string Catalogue = "Leeragenda.Catalogue.Index";
    /// <summary>An offering's public page; route value <c>slug</c>.</summary>
    public const string OfferingDetail = "Leeragenda.Offering.Detail";
    /// <summary>One session as an .ics file; route values <c>slug</c> and <c>sessionId</c>.</summary>
    public const string SessionCalendar = "Leeragenda.Feed.Session";

    public const string AdminIndex = "Leeragenda.OfferingAdmin.Index";
    public const string AdminChooseType = "Leeragenda.OfferingAdmin.ChooseType";
    /// <summary>Route value <c>type</c>.</summary>
    public const string AdminCreate = "Leeragenda.OfferingAdmin.Create";
    /// <summary>Route value <c>id</c> (also for the ones below).</summary>
    public const string AdminEdit = "Leeragenda.OfferingAdmin.Edit";
    public const string AdminPreview = "Leeragenda.OfferingAdmin.Preview";
    public const string AdminPublish = "Leeragenda.OfferingAdmin.Publish";
    public const string AdminUnpublish = "Leeragenda.OfferingAdmin.Unpublish";
    public const string AdminDelete = "Leeragenda.OfferingAdmin.Delete";
}
