using Academy.Users.Abstractions;
using Academy.Users.Services;
using Academy.Users.Services.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class RegisterViewModel
{
    /// <summary>The organisation choice for "andere organisatie".</summary>
    public const string OtherOrganisationChoice = "anders";

    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? OrganisationId { get; set; }
    public string? OtherOrganisation { get; set; }
    public string? Function { get; set; }
    public string? Password { get; set; }
    public bool Consent { get; set; }
    public IReadOnlyList<OrganisationInfo> Organisations { get; set; } = [];
}

public sealed record ConfirmRegistrationViewModel(string? Id, string? Token, ConfirmOutcome? Outcome);

/// <summary>
/// Registering at <c>/account/registreren</c> and confirming the address through the mailed link. The answer to a
/// registration is the same whether or not the address already has an account (its owner gets a mail instead).
/// </summary>
[AllowAnonymous]
[Route("account/registreren")]
public sealed class RegistrationController(
    RegistrationService registrations,
    IOrganisationDirectory organisations,
    AccountForms forms,
    IStringLocalizer<RegistrationController> T) : Controller
{
    public const int MaxTextLength = 200;

    [HttpGet("", Name = AccountRoutes.Register)]
    public async Task<IActionResult> Register() =>
        View(new RegisterViewModel { Organisations = await organisations.ListAsync() });

    [HttpPost("")]
    [EnableRateLimiting(LoginThrottle.Policy)]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        ModelState.Clear();
        model.Organisations = await organisations.ListAsync();
        model.DisplayName = model.DisplayName?.Trim();
        model.Function = model.Function?.Trim();
        model.OtherOrganisation = model.OtherOrganisation?.Trim();
        Required(nameof(model.DisplayName), model.DisplayName, "Vul je naam in.");
        var (email, emailError) = AccountForms.CheckEmail(model.Email);
        model.Email = email;
        if (emailError is not null)
        {
            ModelState.AddModelError(nameof(model.Email), T[emailError]);
        }
        var partner = model.Organisations.FirstOrDefault(o => o.Id == model.OrganisationId);
        var other = model.OrganisationId == RegisterViewModel.OtherOrganisationChoice;
        if (partner is null && !other)
        {
            ModelState.AddModelError(nameof(model.OrganisationId), T["Kies je organisatie, of kies 'Andere organisatie'."]);
        }
        if (other)
        {
            Required(nameof(model.OtherOrganisation), model.OtherOrganisation, "Vul de naam van je organisatie in.");
        }
        Required(nameof(model.Function), model.Function, "Vul je functie in.");
        var candidate = new AcademyUser { UserName = email, Email = email, DisplayName = model.DisplayName ?? "" };
        foreach (var error in await forms.CheckNewPasswordAsync(candidate, model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), T[error]);
        }
        if (!model.Consent)
        {
            ModelState.AddModelError(nameof(model.Consent), T["Geef aan dat je de privacyverklaring hebt gelezen en ermee akkoord gaat."]);
        }
        if (!ModelState.IsValid)
        {
            model.Password = null;
            return View(model);
        }

        var input = new RegistrationInput(model.DisplayName!, email, partner?.Id, other ? model.OtherOrganisation : null, model.Function!, model.Password!);
        await forms.SteadyAsync(() => registrations.RegisterAsync(input, HttpContext.RequestAborted), HttpContext.RequestAborted);
        return RedirectToRoute(AccountRoutes.RegisterSent);
    }

    [HttpGet("controleer-je-email", Name = AccountRoutes.RegisterSent)]
    public IActionResult CheckYourMail() => View();

    /// <summary>The link in the mail opens a page with a button, so a mail scanner that follows links confirms nothing.</summary>
    [HttpGet("bevestigen", Name = AccountRoutes.ConfirmRegistration)]
    public IActionResult Confirm(string? id, string? token) => View(new ConfirmRegistrationViewModel(id, token, null));

    [HttpPost("bevestigen")]
    public async Task<IActionResult> ConfirmPost(string? id, string? token)
    {
        var outcome = await registrations.ConfirmAsync(id, token, HttpContext.RequestAborted);
        if (outcome == ConfirmOutcome.InvalidLink)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(nameof(Confirm), new ConfirmRegistrationViewModel(null, null, outcome));
    }

    private void Required(string field, string? value, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            ModelState.AddModelError(field, T[message]);
        }
        else if (value.Length > MaxTextLength)
        {
            ModelState.AddModelError(field, T["Gebruik hoogstens {0} tekens.", MaxTextLength]);
        }
    }
}
