using Academy.Core.Navigation;

namespace Academy.Enrolment;

/// <summary>The Enrolment module's entry in the public navigation.</summary>
public sealed class EnrolmentPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Mijn aanmeldingen", "Enrolment.MyEnrolments.Index", 400) { Audience = MenuAudience.SignedIn },
    ];
}
