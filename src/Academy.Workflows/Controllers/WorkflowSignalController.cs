using System.Security.Claims;
using System.Text.Json.Nodes;
using Academy.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Workflows.Controllers;

public sealed record SignalPageModel(string Token, string Signal, string? Reason);

/// <summary>
/// The page behind a signed link in a mail ("Goedkeuren", "Afwijzen"): GET asks for confirmation (a link
/// preview or virus scanner must not approve anything), POST delivers the signal. The token is the
/// authorisation; a changed or expired one gets a Dutch error page (400) and changes nothing.
/// </summary>
[AllowAnonymous]
[Route("workflows/signaal")]
public sealed class WorkflowSignalController(SignalLinks links, WorkflowManager manager, IStringLocalizer<WorkflowSignalController> T) : Controller
{
    public const int MaxReasonLength = 2000;

    [HttpGet("", Name = "Workflows.WorkflowSignal.Confirm")]
    public async Task<IActionResult> Confirm(string? token)
    {
        if (links.Read(token) is not var (instanceId, signal))
        {
            return Invalid();
        }
        if (!await manager.WaitsForSignalAsync(instanceId, signal, HttpContext.RequestAborted))
        {
            return Used();
        }
        return View(new SignalPageModel(token!, signal, null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Apply(string? token, string? reden)
    {
        if (links.Read(token) is not var (instanceId, signal))
        {
            return Invalid();
        }
        reden = reden?.Trim();
        if (reden is { Length: > MaxReasonLength })
        {
            ViewData["Error"] = T["De reden is te lang (hoogstens {0} tekens).", MaxReasonLength].Value;
            return View("Confirm", new SignalPageModel(token!, signal, reden));
        }
        var input = new JsonObject
        {
            ["Reason"] = string.IsNullOrEmpty(reden) ? null : reden,
            ["ActorUserId"] = User.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        bool applied;
        try
        {
            applied = await manager.SignalAsync(instanceId, signal, input, HttpContext.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            applied = false;
        }
        if (!applied)
        {
            return Used();
        }
        return RedirectToRoute("Workflows.WorkflowSignal.Done", new { signaal = signal });
    }

    [HttpGet("verwerkt", Name = "Workflows.WorkflowSignal.Done")]
    public IActionResult Done(string? signaal) => View(model: SignalText.Verb(signaal ?? ""));

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Invalid");
    }

    private ViewResult Used()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Used");
    }
}

/// <summary>Dutch words for the usual signal names.</summary>
public static class SignalText
{
    public static string Verb(string signal) => signal.ToLowerInvariant() switch
    {
        "approve" => "goedkeuren",
        "decline" => "afwijzen",
        "confirm" => "bevestigen",
        "cancel" => "annuleren",
        _ => signal,
    };
}
