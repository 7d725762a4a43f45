using Academy.Core.Content;
using Academy.Core.Security;
using Academy.Leeragenda.Models;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Leeragenda.Components;

/// <param name="CanInvite">The signed-in person may invite (ManageMemberAccounts).</param>
public sealed record TrainerAccountsViewModel(string OfferingId, IReadOnlyList<string> WithoutAccount, bool CanInvite, string? Notice);

/// <summary>
/// On the offering editor: a warning for each trainer e-mail address (of the saved version) that has no account, so
/// the trainer could not take attendance, with a button to invite it. <c>&lt;vc:trainer-accounts offering-id="..." /&gt;</c>
/// </summary>
public sealed class TrainerAccountsViewComponent(ContentManager contentManager, IUserLookup users) : ViewComponent
{
    public const string NoticeKey = "TrainerAccounts.Notice";

    public async Task<IViewComponentResult> InvokeAsync(string offeringId)
    {
        var missing = await MissingAsync(contentManager, users, offeringId);
        var notice = TempData[NoticeKey] as string;
        if (missing.Count == 0 && notice is null)
        {
            return Content("");
        }
        return View(new TrainerAccountsViewModel(offeringId, missing,
            UserClaimsPrincipal.HasClaim(PermissionClaim.Type, UsersPermissionNames.ManageMemberAccounts), notice));
    }

    /// <summary>The trainer addresses of the offering's latest version without an account, in the order they appear.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(ContentManager contentManager, IUserLookup users, string offeringId)
    {
        if (await contentManager.GetAsync(offeringId, VersionOptions.Latest) is not { } item)
        {
            return [];
        }
        var missing = new List<string>();
        foreach (var email in item.As<EditionsPart>().Editions.SelectMany(e => e.TrainerEmails)
                     .Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                missing.Add(email);
            }
        }
        return missing;
    }
}
