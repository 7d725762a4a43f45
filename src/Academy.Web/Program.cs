using Academy.Core.Hosting;
using Academy.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddAcademy(SiteModules.All());
var app = builder.Build();
app.UseAcademy();

if (args is ["recipe", ..])
{
    return await RecipeCommand.RunAsync(app, args[1..]);
}
if (args is ["search", ..])
{
    return await SearchCommand.RunAsync(app, args[1..]);
}

await app.Services.GetRequiredService<SetupService>().InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory find the entry point in tests.</summary>
public partial class Program;
