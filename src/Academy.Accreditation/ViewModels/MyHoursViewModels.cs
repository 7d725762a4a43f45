using Academy.Accreditation.Services.MyHours;

namespace Academy.Accreditation.ViewModels;

public sealed class MyHoursViewModel
{
    public required MyHoursOverview Overview { get; init; }

    /// <summary>Link to the PDF of the same overview (same chosen year).</summary>
    public required string PdfUrl { get; init; }
}
