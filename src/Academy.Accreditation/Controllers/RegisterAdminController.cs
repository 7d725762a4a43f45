using Academy.Accreditation.Models;
using Academy.Accreditation.Services;
using Academy.Accreditation.Permissions;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Accreditation.Controllers;

/// <summary>The configured registers, read-only (the recipe step "Registers" sets them).</summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/registers")]
public sealed class RegisterAdminController(RegisterDirectory registerDirectory) : Controller
{
    [HttpGet("", Name = "Accreditation.RegisterAdmin.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await registerDirectory.RecordsAsync(cancellationToken));

    /// <summary>"RP + 6 cijfers".</summary>
    public static string NumberFormat(RegisterRecord register) =>
        register.Prefix.Length == 0 ? $"{register.Digits} cijfers" : $"{register.Prefix} + {register.Digits} cijfers";

    /// <summary>"per kalenderjaar" or "5 jaar, vanaf 2022".</summary>
    public static string Cycle(RegisterRecord register) =>
        register.CycleYears <= 1 || register.CycleStartYear is null ? "per kalenderjaar" : $"{register.CycleYears} jaar, vanaf {register.CycleStartYear}";
}
