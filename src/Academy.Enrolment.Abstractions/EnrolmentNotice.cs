namespace Academy.Enrolment.Abstractions;

/// <summary>TempData keys through which the enrolment POST tells the offering page what happened (after its redirect).</summary>
public static class EnrolmentNotice
{
    public const string Status = "EnrolmentStatus";
    public const string Error = "EnrolmentError";
}
