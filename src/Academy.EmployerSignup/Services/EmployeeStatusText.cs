using Academy.Enrolment.Abstractions;

namespace Academy.EmployerSignup.Services;

/// <summary>Dutch labels of enrolment statuses on the employer's pages, and what an employer may still change.</summary>
public static class EmployeeStatusText
{
    public static string Label(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Pending => "Wacht op goedkeuring",
        EnrolmentStatus.Held => "Gereserveerd",
        EnrolmentStatus.Confirmed => "Aangemeld",
        EnrolmentStatus.Waitlisted => "Op de wachtlijst",
        EnrolmentStatus.Declined => "Afgewezen",
        EnrolmentStatus.Cancelled => "Afgemeld",
        EnrolmentStatus.Expired => "Verlopen",
        EnrolmentStatus.Completed => "Afgerond",
        _ => status.ToString(),
    };

    public static bool IsActive(EnrolmentStatus status) =>
        status is EnrolmentStatus.Pending or EnrolmentStatus.Held or EnrolmentStatus.Confirmed or EnrolmentStatus.Waitlisted;
}
