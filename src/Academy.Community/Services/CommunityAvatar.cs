using System.Text.Encodings.Web;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Services;

/// <summary>
/// A person's avatar: the profile photo (the Users module's route) when there is one, else the initials. The partial
/// <c>_Avatar</c> writes this; the topic page's post fragment (<c>_PostContent</c>, kept by <see cref="PostFragmentCache"/>)
/// writes it directly.
/// </summary>
public static class CommunityAvatar
{
    public static IHtmlContent Html(IUrlHelper url, MemberProfile? profile)
    {
        var encoder = HtmlEncoder.Default;
        var photo = profile is { HasPhoto: true } ? url.RouteUrl(UsersRouteNames.ProfilePhoto, new { userId = profile.UserId, size = "s" }) : null;
        return new HtmlString(photo is not null
            ? $"<img class=\"community-avatar\" src=\"{encoder.Encode(photo)}\" alt=\"\" width=\"48\" height=\"48\" />"
            : $"<span class=\"community-avatar community-avatar--initials\" aria-hidden=\"true\">{encoder.Encode(profile?.Initials ?? "?")}</span>");
    }
}
