using Academy.Core.Navigation;

namespace Academy.Users;

/// <summary>The Users module's entries: signing in and out, the profile, and the privacy statement in the footer.</summary>
public sealed class UsersPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        // A link to the logout page (which posts with a token), so public pages carry no per-user token and render fast.
        new("Uitloggen", "Users.Account.Logout", 1000) { Audience = MenuAudience.SignedIn, MarkCurrent = false },
        new("Inloggen", "Users.Account.Login", 1000) { Audience = MenuAudience.Anonymous },
        new("Uitloggen", "Users.Account.Logout", 0, MenuArea.SignOut) { Audience = MenuAudience.SignedIn },
        new("Mijn profiel", Abstractions.UsersRouteNames.MyProfile, 950) { Audience = MenuAudience.SignedIn },
        new("Privacy", Abstractions.UsersRouteNames.PrivacyStatement, 910, MenuArea.Footer),
    ];
}
