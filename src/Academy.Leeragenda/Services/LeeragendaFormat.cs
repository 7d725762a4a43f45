using Academy.Leeragenda.Abstractions;
using System.Globalization;
using Academy.Core.Hosting;
using Academy.Core.Recipes;
using Academy.Core.Contracts;
using Academy.Leeragenda.Models;

namespace Academy.Leeragenda.Services;

/// <summary>Leeragenda-specific wording on the public pages (dates and amounts: <see cref="Academy.Core.Text.DutchFormat"/>).</summary>
public static class LeeragendaFormat
{
    /// <summary>Form value to its Dutch label key ("Fysiek", "Online", "Hybride").</summary>
    public static string FormLabel(string? form) => OfferingForms.Label(form);

    public static string FormLabel(OfferingForm form) => FormLabel(form.ToString());

    /// <summary>Where a session is: its location and place; null for an online-only session (show "Online").</summary>
    public static string? Where(Session session)
    {
        if (EditionView.IsOnlineOnly(session))
        {
            return null;
        }
        var parts = new[] { session.Location, session.Place }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Skip the place when the location already names it ("HAN, campus Arnhem" + "Arnhem").
        if (parts.Count == 2 && parts[0].Contains(parts[1], StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(1);
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
