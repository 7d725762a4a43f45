namespace Academy.Core.Contracts;

/// <summary>An entry of the back-office menu; shown only to users holding its permission.</summary>
public sealed record AdminMenuItem(string Text, string Url, string Permission, int Order = 0);

/// <summary>Modules add their admin pages to the menu through this.</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}
