using Academy.Core.Navigation;

namespace Academy.Email;

/// <summary>The Email module's entry in the public navigation: a signed-in user's notifications.</summary>
public sealed class EmailPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Meldingen", "Email.Notifications.Index", 600) { Audience = MenuAudience.SignedIn },
    ];
}
