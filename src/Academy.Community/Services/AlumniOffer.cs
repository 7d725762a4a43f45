using System.Security.Claims;
using Academy.Community.Models;
using Academy.Enrolment.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Community.Services;

/// <summary>
/// People who completed the HARRIE training (<see cref="CommunityOptions.AlumniOfferingId"/>) are welcome in the
/// HARRIE-alumni group (<see cref="CommunityOptions.AlumniGroupSlug"/>): they are offered it, and their request to
/// join the closed group is approved at once. Only people with an account: an employer's employee without one cannot log in.
/// </summary>
public sealed class AlumniOffer(CommunityAccess access, IEnumerable<IOfferingCompletions> completions, IOptions<CommunityOptions> options)
{
    /// <summary>The alumni group to offer the signed-in person: they take part, are no member yet and completed the training.</summary>
    public async Task<CommunityGroup?> OfferAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var viewer = CommunityViewer.From(user);
        if (!viewer.TakesPart)
        {
            return null;
        }
        var slug = options.Value.AlumniGroupSlug;
        var group = await access.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug && g.JoinPolicy != JoinPolicy.Hidden, cancellationToken);
        if (group is null || await access.MembershipAsync(group.Id, viewer.UserId, cancellationToken) is { Status: MembershipStatus.Member })
        {
            return null;
        }
        return await IsAlumnusAsync(group, user, cancellationToken) ? group : null;
    }

    /// <summary>True when <paramref name="group"/> is the alumni group and the person completed its training.</summary>
    public async Task<bool> IsAlumnusAsync(CommunityGroup group, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (group.Slug != options.Value.AlumniGroupSlug || CurrentUser.From(user) is not { } me || completions.FirstOrDefault() is not { } source)
        {
            return false;
        }
        return await source.HasCompletedAsync(options.Value.AlumniOfferingId, me.UserId, me.Email, cancellationToken);
    }
}
