using Academy.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Recipes;

public sealed class SettingsStep : IRecipeStepHandler
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var store = context.Services.GetRequiredService<DocumentStore>();
        var settings = await store.GetSiteSettingsAsync();
        settings.SiteName = RecipeStepContext.OptionalString(context.Step, "SiteName") ?? settings.SiteName;
        settings.RegionName = RecipeStepContext.OptionalString(context.Step, "RegionName") ?? settings.RegionName;
        settings.Tagline = RecipeStepContext.OptionalString(context.Step, "Tagline") ?? settings.Tagline;
        settings.ContactEmail = RecipeStepContext.OptionalString(context.Step, "ContactEmail") ?? settings.ContactEmail;
        settings.ContactPhone = RecipeStepContext.OptionalString(context.Step, "ContactPhone") ?? settings.ContactPhone;
        settings.ContactAddress = RecipeStepContext.OptionalString(context.Step, "ContactAddress") ?? settings.ContactAddress;
        await store.SetSiteSettingsAsync(settings);
    }
}
