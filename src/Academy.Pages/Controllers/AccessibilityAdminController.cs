using System.Globalization;
using Academy.Core.Security;
using Academy.Core.Settings;
using Academy.Pages.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Pages.Controllers;

/// <summary>What the statement form posts: every field as text, so a wrong date or number comes back with a Dutch message.</summary>
public sealed class AccessibilityInput
{
    public string? Status { get; set; }
    public string? KnownIssues { get; set; }
    public string? LastCheckedOn { get; set; }
    public string? CheckMethod { get; set; }
    public string? ReportEmail { get; set; }
    public string? ResponseDays { get; set; }

    public static AccessibilityInput From(AccessibilityStatement s) => new()
    {
        Status = s.Status.ToString(),
        KnownIssues = s.KnownIssues,
        LastCheckedOn = s.LastCheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CheckMethod = s.CheckMethod,
        ReportEmail = s.ReportEmail,
        ResponseDays = s.ResponseDays.ToString(CultureInfo.InvariantCulture),
    };
}

public sealed record AccessibilityEditModel(AccessibilityInput Input, IReadOnlyDictionary<string, string> Errors, string? Notice);

/// <summary>The organisation keeps its accessibility statement up to date here (status, known problems, date of the last check).</summary>
[RequirePermission(PagesPermissions.ManageSettings)]
[Route("admin/toegankelijkheid")]
public sealed class AccessibilityAdminController(DocumentStore documents, IStringLocalizer<AccessibilityAdminController> T) : Controller
{
    private const string NoticeKey = "Pages.Accessibility.Notice";
    public const int MaxText = 4000;

    [HttpGet("", Name = "Pages.Admin.Accessibility")]
    public async Task<IActionResult> Edit() => View(new AccessibilityEditModel(
        AccessibilityInput.From(await documents.GetAsync<AccessibilityStatement>(AccessibilityStatement.DocumentKey)),
        new Dictionary<string, string>(), TempData[NoticeKey] as string));

    [HttpPost("", Name = "Pages.Admin.Accessibility.Save")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save([FromForm] AccessibilityInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var statement = new AccessibilityStatement();
        if (!Enum.TryParse<AccessibilityStatus>(input.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
        {
            errors[nameof(input.Status)] = T["Kies hoe goed de site voldoet."].Value;
        }
        if (!DateOnly.TryParseExact(input.LastCheckedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var checkedOn))
        {
            errors[nameof(input.LastCheckedOn)] = T["Vul de datum van de laatste controle in, bijvoorbeeld 2026-12-03."].Value;
        }
        if (!int.TryParse(input.ResponseDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 60)
        {
            errors[nameof(input.ResponseDays)] = T["Vul een aantal werkdagen in van 1 tot en met 60."].Value;
        }
        var email = input.ReportEmail?.Trim() ?? "";
        if (email.Length > 0 && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors[nameof(input.ReportEmail)] = T["Vul een geldig e-mailadres in, of laat het veld leeg."].Value;
        }
        if ((input.KnownIssues?.Length ?? 0) > MaxText)
        {
            errors[nameof(input.KnownIssues)] = T["De tekst is te lang (hoogstens {0} tekens).", MaxText].Value;
        }
        if ((input.CheckMethod?.Length ?? 0) > 500)
        {
            errors[nameof(input.CheckMethod)] = T["De tekst is te lang (hoogstens {0} tekens).", 500].Value;
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Edit), new AccessibilityEditModel(input, errors, null));
        }
        statement.Status = status;
        statement.KnownIssues = (input.KnownIssues ?? "").Replace("\r", "", StringComparison.Ordinal).Trim();
        statement.LastCheckedOn = checkedOn;
        statement.CheckMethod = input.CheckMethod?.Trim() ?? "";
        statement.ReportEmail = email;
        statement.ResponseDays = days;
        await documents.SetAsync(AccessibilityStatement.DocumentKey, statement);
        TempData[NoticeKey] = T["De toegankelijkheidsverklaring is opgeslagen."].Value;
        return RedirectToRoute("Pages.Admin.Accessibility");
    }
}
