using System.Security.Claims;
using Academy.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.TwoFactor;

/// <summary>
/// Sends a signed-in Beheerder or Leercoördinator without two-step verification to set it up before any /admin page
/// (a GET or a form post alike), and back to the page afterwards.
/// </summary>
public sealed class StaffTwoFactorRequirement(RequestDelegate next)
{
    public const string AdminPath = "/admin";

    public async Task InvokeAsync(HttpContext context, IOptions<TwoFactorOptions> options, IOptions<IdentityOptions> identity, AcademyDbContext db,
        LinkGenerator links)
    {
        var settings = options.Value;
        var user = context.User;
        if (settings.RequiredForStaff
            && context.Request.Path.StartsWithSegments(AdminPath)
            && user.Identity?.IsAuthenticated == true
            && settings.StaffRoles.Any(r => user.IsInRole(r))
            && user.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) is { } userId
            && !await db.Set<AcademyUser>().AsNoTracking().AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, context.RequestAborted))
        {
            var returnUrl = context.Request.Method == HttpMethods.Get ? context.Request.Path + context.Request.QueryString : AdminPath;
            context.Response.Redirect(links.GetPathByName(context, "Users.TwoFactor.Index", new { verplicht = "true", returnUrl })!);
            return;
        }
        await next(context);
    }
}

